package org.khareetaty.ui.importer;

import java.io.File;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.khareetaty.ingest.QuarantineRepository.Row;

/** The quarantine browser: rows the importer rejected, with their file, line, field, value and reason. */
public final class QuarantineBrowserView extends BorderPane {

    public QuarantineBrowserView(QuarantineBrowserViewModel viewModel) {
        setId("quarantine-browser");
        setPadding(new Insets(8));
        ComboBox<String> reason = new ComboBox<>(viewModel.reasons());
        reason.setId("quarantine-reason");
        reason.valueProperty().bindBidirectional(viewModel.reasonProperty());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> viewModel.reload());
        Button export = new Button("Export CSV…");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("quarantine.csv");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                viewModel.export(file.toPath());
            }
        });
        Label status = new Label();
        status.textProperty().bind(viewModel.statusProperty());
        HBox top = new HBox(8, new Label("Reason"), reason, refresh, export, status);
        top.setPadding(new Insets(0, 0, 6, 0));

        TableView<Row> table = new TableView<>(viewModel.rows());
        table.setId("quarantine-table");
        table.setPlaceholder(new Label("No quarantined rows."));
        table.getColumns().add(column("File", 180, Row::fileName));
        table.getColumns().add(column("Line", 70, r -> String.valueOf(r.line())));
        table.getColumns().add(column("Reason", 150, Row::reason));
        table.getColumns().add(column("Field", 140, Row::field));
        table.getColumns().add(column("Value", 180, Row::value));
        table.getColumns().add(column("Message", 320, Row::message));
        TextArea raw = new TextArea();
        raw.setEditable(false);
        raw.setPrefRowCount(3);
        raw.setPromptText("The raw row of the selected line");
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                raw.setText(now == null || now.rawText() == null ? "" : now.rawText()));
        setTop(top);
        setCenter(table);
        setBottom(new VBox(4, new Label("Raw row"), raw));
        viewModel.reload();
    }

    private static TableColumn<Row, String> column(String title, double width, Function<Row, String> value) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
