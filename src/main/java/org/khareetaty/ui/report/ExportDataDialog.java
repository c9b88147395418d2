package org.khareetaty.ui.report;

import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.khareetaty.report.export.ExportFormat;
import org.khareetaty.ui.report.ExportDataViewModel.Subject;

/** The "Export data…" window: what, which format, where. */
public final class ExportDataDialog extends GridPane {

    public ExportDataDialog(ExportDataViewModel viewModel) {
        setId("export-data");
        setPadding(new Insets(12));
        setHgap(8);
        setVgap(10);
        ComboBox<Subject> subject = new ComboBox<>();
        subject.getItems().setAll(Subject.values());
        subject.valueProperty().bindBidirectional(viewModel.subjectProperty());
        ComboBox<ExportFormat> format = new ComboBox<>();
        format.getItems().setAll(ExportFormat.values());
        format.valueProperty().bindBidirectional(viewModel.formatProperty());
        Label note = new Label("Incidents follow the current filter (" + viewModel.context().source() + "); hotspots are "
                + "those of the latest hotspot analysis. Spreadsheet formulas in text cells are neutralised.");
        note.setWrapText(true);
        note.setMaxWidth(420);
        Button export = new Button("Export…");
        export.setDefaultButton(true);
        export.disableProperty().bind(viewModel.busyProperty().or(viewModel.encryption().problemProperty().isNotEmpty()));
        export.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export data");
            chooser.setInitialFileName(viewModel.suggestedFileName());
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                viewModel.export(file.toPath());
            }
        });
        Label status = new Label();
        status.setWrapText(true);
        status.setMaxWidth(420);
        status.textProperty().bind(viewModel.statusProperty());
        add(new Label("Export"), 0, 0);
        add(subject, 1, 0);
        add(new Label("Format"), 0, 1);
        add(format, 1, 1);
        add(note, 0, 2, 2, 1);
        add(new EncryptionChoiceView(viewModel.encryption()), 0, 3, 2, 1);
        add(export, 1, 4);
        add(status, 0, 5, 2, 1);
    }

    public static Stage show(Window owner, ExportDataViewModel viewModel) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.setTitle("Export data");
        stage.setScene(new Scene(new ExportDataDialog(viewModel)));
        stage.show();
        return stage;
    }
}
