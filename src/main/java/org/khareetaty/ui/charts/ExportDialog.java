package org.khareetaty.ui.charts;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.khareetaty.charts.ChartExport;
import org.khareetaty.charts.ChartKind;

/** Asks for the format and size of an exported chart, then for the file. */
final class ExportDialog {

    /** What the user chose. */
    record Choice(Path file, int width, int height) {
    }

    private ExportDialog() {
    }

    static Optional<Choice> ask(Window owner, ChartKind kind) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Export chart");
        dialog.setHeaderText("Export “" + kind.title() + "”");
        ChoiceBox<ChartExport.Format> format = new ChoiceBox<>();
        format.getItems().addAll(ChartExport.Format.values());
        format.setValue(ChartExport.Format.PNG);
        Spinner<Integer> width = new Spinner<>(ChartExport.MIN_SIZE, ChartExport.MAX_SIZE, 1600, 100);
        Spinner<Integer> height = new Spinner<>(ChartExport.MIN_SIZE, ChartExport.MAX_SIZE, 900, 100);
        width.setEditable(true);
        height.setEditable(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Format"), format);
        grid.addRow(1, new Label("Width (px)"), width);
        grid.addRow(2, new Label("Height (px)"), height);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
            return Optional.empty();
        }
        String extension = format.getValue().name().toLowerCase(java.util.Locale.ROOT);
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart");
        chooser.setInitialFileName(kind.cliName() + "." + extension);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.getValue().name(), "*." + extension));
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        Path path = file.toPath();
        if (!path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("." + extension)) {
            path = path.resolveSibling(path.getFileName() + "." + extension);
        }
        return Optional.of(new Choice(path, width.getValue(), height.getValue()));
    }
}
