package org.khareetaty.ui.sync;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.khareetaty.sync.SyncConflict;
import org.khareetaty.sync.SyncRun;

/** The sync pane: settings form on top, status in the middle, conflicts and sync history below. */
public final class SyncView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    public SyncView(SyncViewModel viewModel) {
        setPadding(new Insets(12));

        TextField url = new TextField();
        url.setId("sync-url");
        url.setPromptText("jdbc:postgresql://server.example:5432/khareetaty");
        url.textProperty().bindBidirectional(viewModel.urlProperty());
        TextField user = new TextField();
        user.setId("sync-user");
        user.textProperty().bindBidirectional(viewModel.usernameProperty());
        PasswordField password = new PasswordField();
        password.setId("sync-password");
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        viewModel.passwordStoredProperty().addListener((obs, old, stored) -> password.setPromptText(
                stored ? "stored encrypted — type to replace" : ""));
        TextField ca = new TextField();
        ca.setId("sync-ca");
        ca.setPromptText("CA certificate (PEM); empty = the CAs Java trusts");
        ca.textProperty().bindBidirectional(viewModel.caFileProperty());
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("CA certificate of the sync server");
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                viewModel.caFileProperty().set(file.getAbsolutePath());
            }
        });
        CheckBox plain = new CheckBox("No TLS (only for a server on this machine)");
        plain.selectedProperty().bindBidirectional(viewModel.plainLoopbackProperty());
        Spinner<Integer> interval = new Spinner<>(1, 1440, viewModel.intervalMinutesProperty().get());
        interval.setEditable(true);
        interval.setPrefWidth(90);
        viewModel.intervalMinutesProperty().addListener((obs, old, now) -> interval.getValueFactory().setValue(now.intValue()));
        interval.valueProperty().addListener((obs, old, now) -> viewModel.intervalMinutesProperty().set(now));
        CheckBox automatic = new CheckBox("Sync automatically every");
        automatic.setId("sync-automatic");
        automatic.selectedProperty().bindBidirectional(viewModel.automaticProperty());
        TextField name = new TextField();
        name.textProperty().bindBidirectional(viewModel.workstationNameProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Server URL"), url);
        form.addRow(1, new Label("User"), user);
        form.addRow(2, new Label("Password"), password);
        form.addRow(3, new Label("CA file"), new HBox(6, ca, browse));
        form.add(plain, 1, 4);
        form.addRow(5, new Label("Workstation name"), name);
        form.add(new HBox(6, automatic, interval, new Label("minutes")), 1, 6);
        HBox.setHgrow(ca, Priority.ALWAYS);
        GridPane.setHgrow(url, Priority.ALWAYS);

        Button save = new Button("Save");
        save.setId("sync-save");
        save.setOnAction(e -> viewModel.save());
        Button test = new Button("Test connection");
        test.setId("sync-test");
        test.setOnAction(e -> viewModel.testConnection());
        test.disableProperty().bind(viewModel.busyProperty());
        Button syncNow = new Button("Sync now");
        syncNow.setId("sync-now");
        syncNow.setDefaultButton(true);
        syncNow.setOnAction(e -> viewModel.syncNow());
        syncNow.disableProperty().bind(viewModel.busyProperty());
        Label message = new Label();
        message.setId("sync-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        VBox settings = new VBox(8, form, new HBox(8, save, test, syncNow), message);
        TitledPane settingsPane = new TitledPane("Central server (optional — the workstation works fully without it)",
                settings);
        settingsPane.setCollapsible(false);

        Label last = new Label();
        last.setId("sync-last");
        last.textProperty().bind(viewModel.lastSyncProperty().map(text -> "Last sync: " + text));
        Label pending = new Label();
        pending.setId("sync-pending");
        pending.textProperty().bind(viewModel.pendingProperty());
        Label conflictsSummary = new Label();
        conflictsSummary.textProperty().bind(viewModel.conflictsSummaryProperty());
        VBox status = new VBox(4, last, pending, conflictsSummary);
        status.setPadding(new Insets(8, 0, 8, 0));

        TableView<SyncConflict> conflicts = new TableView<>(viewModel.conflicts());
        conflicts.setId("sync-conflicts");
        conflicts.setPlaceholder(new Label("No conflicts: no two workstations changed the same thing at once."));
        conflicts.getColumns().add(column("When", 140, (SyncConflict c) -> TIME.format(c.resolvedAt())));
        conflicts.getColumns().add(column("What", 110, (SyncConflict c) -> c.entity().name().toLowerCase(java.util.Locale.ROOT)));
        conflicts.getColumns().add(column("Field", 90, SyncConflict::field));
        conflicts.getColumns().add(column("Kept", 200, SyncConflict::keptValue));
        conflicts.getColumns().add(column("Discarded", 200, SyncConflict::discardedValue));
        conflicts.getColumns().add(column("Rule", 300, SyncConflict::rule));
        conflicts.getColumns().add(column("Record id", 260, (SyncConflict c) -> c.entityId().toString()));

        TableView<SyncRun> runs = new TableView<>(viewModel.runs());
        runs.setId("sync-runs");
        runs.setPlaceholder(new Label("No sync yet."));
        runs.getColumns().add(column("Started", 140, (SyncRun r) -> TIME.format(r.startedAt())));
        runs.getColumns().add(column("Outcome", 90, SyncRun::outcome));
        runs.getColumns().add(column("Pushed", 80, (SyncRun r) -> String.format("%,d", r.pushed())));
        runs.getColumns().add(column("Pulled", 80, (SyncRun r) -> String.format("%,d", r.pulled())));
        runs.getColumns().add(column("Conflicts", 80, (SyncRun r) -> String.format("%,d", r.conflicts())));
        runs.getColumns().add(column("Error (reason)", 600, (SyncRun r) -> r.error() == null ? "" : r.error()));

        TitledPane conflictsPane = new TitledPane("Conflicts resolved", conflicts);
        conflictsPane.setCollapsible(false);
        TitledPane runsPane = new TitledPane("Sync history and errors", runs);
        runsPane.setCollapsible(false);
        conflictsPane.setMaxHeight(Double.MAX_VALUE);
        runsPane.setMaxHeight(Double.MAX_VALUE);
        // Side by side: under the settings form there is more width than height for the two lists.
        SplitPane lists = new SplitPane(conflictsPane, runsPane);
        lists.setDividerPositions(0.55);

        setTop(new VBox(8, settingsPane, status));
        setCenter(lists);
        viewModel.load();
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(
                cell.getValue() == null ? "" : value.apply(cell.getValue())));
        return column;
    }
}
