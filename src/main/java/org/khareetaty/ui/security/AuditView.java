package org.khareetaty.ui.security;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import org.khareetaty.security.AuditRecord;

/** Audit records, newest first, with verify and export. */
public final class AuditView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public AuditView(AuditViewModel viewModel, ZoneId zone) {
        TableView<AuditRecord> table = new TableView<>(viewModel.records());
        table.setId("audit-table");
        table.getColumns().add(column("#", 60, r -> String.valueOf(r.seq())));
        table.getColumns().add(column("Time", 180, r -> TIME.format(r.at().atZone(zone))));
        table.getColumns().add(column("User", 110, AuditRecord::username));
        table.getColumns().add(column("Event", 140, AuditRecord::event));
        table.getColumns().add(column("Object", 220, AuditRecord::object));
        table.getColumns().add(column("Outcome", 90, AuditRecord::outcome));
        table.getColumns().add(column("Details", 320, AuditRecord::details));

        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> viewModel.refresh());
        Button verify = new Button("Verify chain");
        verify.setOnAction(e -> viewModel.verify());
        Button export = new Button("Export…");
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("audit-log.tsv");
            java.io.File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                viewModel.export(file.toPath());
            }
        });
        Label status = new Label();
        status.textProperty().bind(viewModel.statusProperty());
        HBox bar = new HBox(8, refresh, verify, export, status);
        bar.setPadding(new Insets(8));
        setTop(bar);
        setCenter(table);
        viewModel.refresh();
    }

    private static TableColumn<AuditRecord, String> column(String title, double width, Function<AuditRecord, String> value) {
        TableColumn<AuditRecord, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
