package org.khareetaty.ui.backup;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.khareetaty.security.BackupService.Backup;

/** Backups for administrators: list, create (optionally with a passphrase), restore the selected one. */
public final class BackupsView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BackupsViewModel viewModel;

    public BackupsView(BackupsViewModel viewModel, ZoneId zone) {
        this.viewModel = viewModel;
        TableView<Backup> table = new TableView<>(viewModel.backups());
        table.setId("backups-table");
        table.getColumns().add(column("File", 300, b -> b.file().getFileName().toString()));
        table.getColumns().add(column("Written", 160, b -> TIME.format(b.created().atZone(zone))));
        table.getColumns().add(column("Size", 110, b -> String.format("%,d KB", b.sizeBytes() / 1024)));
        table.getColumns().add(column("Encrypted", 120, b -> b.encrypted() ? "AES-256-GCM" : "no"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> viewModel.selectedProperty().set(now));

        CheckBox encrypt = new CheckBox("Encrypt with a passphrase");
        encrypt.setId("backup-encrypt");
        encrypt.selectedProperty().bindBidirectional(viewModel.encryptProperty());
        PasswordField passphrase = new PasswordField();
        passphrase.setId("backup-passphrase");
        passphrase.setPromptText("Passphrase");
        passphrase.textProperty().bindBidirectional(viewModel.passphraseProperty());
        PasswordField repeat = new PasswordField();
        repeat.setId("backup-passphrase-repeat");
        repeat.setPromptText("Repeat");
        repeat.textProperty().bindBidirectional(viewModel.passphraseRepeatProperty());
        passphrase.disableProperty().bind(viewModel.encryptProperty().not());
        repeat.disableProperty().bind(viewModel.encryptProperty().not());
        Button create = new Button("Back up now");
        create.setId("backup-create");
        create.disableProperty().bind(viewModel.busyProperty());
        create.setOnAction(e -> viewModel.create());
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> viewModel.refresh());

        PasswordField restorePassphrase = new PasswordField();
        restorePassphrase.setId("restore-passphrase");
        restorePassphrase.setPromptText("Passphrase (encrypted backups)");
        restorePassphrase.setPrefWidth(240);
        restorePassphrase.disableProperty().bind(viewModel.selectedProperty().isNull());
        Button restore = new Button("Restore…");
        restore.setId("backup-restore");
        restore.disableProperty().bind(viewModel.selectedProperty().isNull().or(viewModel.busyProperty()));
        restore.setOnAction(e -> {
            Backup backup = viewModel.selectedProperty().get();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Restore " + backup.file().getFileName() + "?\n\n"
                    + "Everybody's work since " + TIME.format(backup.created().atZone(zone)) + " is replaced by the backup. "
                    + "The window closes the data folder, checks every table of the backup against its manifest, and only "
                    + "then replaces the database (the current file is kept beside it). You sign in again afterwards.",
                    ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(getScene().getWindow());
            confirm.setHeaderText("Restore a backup");
            if (confirm.showAndWait().filter(ButtonType.OK::equals).isPresent()) {
                viewModel.restoreSelected(restorePassphrase.getText().toCharArray());
                restorePassphrase.clear();
            }
        });

        Label status = new Label();
        status.setId("backups-status");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        HBox createBar = new HBox(8, create, encrypt, passphrase, repeat, refresh);
        HBox restoreBar = new HBox(8, new Label("Selected backup:"), restorePassphrase, restore);
        createBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        restoreBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox top = new VBox(8, createBar, restoreBar, status);
        top.setPadding(new Insets(8));
        setTop(top);
        setCenter(table);
        viewModel.refresh();
    }

    public BackupsViewModel viewModel() {
        return viewModel;
    }

    private static TableColumn<Backup, String> column(String title, double width, Function<Backup, String> value) {
        TableColumn<Backup, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }
}
