package org.khareetaty.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.events.DataEvents;
import org.khareetaty.core.CoreServices;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.map.TileQueue;
import org.khareetaty.store.IncidentRepository;
import org.khareetaty.pipeline.PipelineScheduler;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.security.SecuritySettings;
import org.khareetaty.security.Session;
import org.khareetaty.ui.about.AboutDialog;
import org.khareetaty.ui.alerts.AlertsView;
import org.khareetaty.ui.alerts.AlertsViewModel;
import org.khareetaty.ui.alerts.NotificationSettingsViewModel;
import org.khareetaty.ui.alerts.RulesViewModel;
import org.khareetaty.ui.security.AuditView;
import org.khareetaty.ui.status.StatusView;
import org.khareetaty.ui.status.StatusViewModel;
import org.khareetaty.ui.security.AuditViewModel;
import org.khareetaty.ui.security.SessionLockOverlay;
import org.khareetaty.ui.security.SessionLockViewModel;
import org.khareetaty.ui.security.SignInView;
import org.khareetaty.ui.security.SignInViewModel;
import org.khareetaty.ui.charts.ChartsView;
import org.khareetaty.ui.charts.ChartsViewModel;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;
import org.khareetaty.ui.common.FxTaskList;
import org.khareetaty.ui.importer.ImportWizardView;
import org.khareetaty.ui.importer.ImportWizardViewModel;
import org.khareetaty.ui.importer.QuarantineBrowserView;
import org.khareetaty.ui.importer.QuarantineBrowserViewModel;
import org.khareetaty.ui.importer.WelcomeView;
import org.khareetaty.ui.importer.WelcomeViewModel;
import org.khareetaty.ui.forecast.BacktestView;
import org.khareetaty.ui.forecast.BacktestViewModel;
import org.khareetaty.ui.forecast.ForecastView;
import org.khareetaty.ui.forecast.ForecastViewModel;
import org.khareetaty.ui.incidents.IncidentsView;
import org.khareetaty.ui.incidents.IncidentsViewModel;
import org.khareetaty.ui.map.MapBenchmark;
import org.khareetaty.ui.map.MapView;
import org.khareetaty.ui.hotspots.HotspotsView;
import org.khareetaty.ui.hotspots.HotspotsViewModel;
import org.khareetaty.ui.map.MapViewModel;
import org.khareetaty.ui.report.ReportContext;
import org.khareetaty.ui.report.ReportDialogs;
import org.khareetaty.security.BackupService;
import org.khareetaty.ui.backup.BackupsView;
import org.khareetaty.ui.backup.BackupsViewModel;
import org.khareetaty.ui.shell.MainWindow;
import org.khareetaty.ui.users.UsersView;
import org.khareetaty.ui.users.UsersViewModel;
import org.khareetaty.ui.shell.NavigationItem;
import org.khareetaty.ui.shell.StatusBar;
import org.khareetaty.ui.sync.SyncView;
import org.khareetaty.ui.sync.SyncViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop composition root: opens the core off the UI thread, then builds view models and views
 * with constructor injection. The data folder comes in as the {@code --data-dir} parameter.
 */
public final class DesktopApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private CoreServices core;

    @Override
    public void start(Stage stage) {
        String dir = getParameters().getNamed().get("data-dir");
        DataFolder folder = DataFolder.resolve(dir == null ? null : Path.of(dir));
        stage.setTitle("Khareetaty Workstation");
        Label opening = new Label("Opening " + folder.databaseFile() + " …");
        stage.setScene(new Scene(new StackPane(opening), 1280, 800));
        stage.show();

        if (org.khareetaty.store.DatabaseFileEncryption.isEncrypted(folder)) {
            askFilePasswordThenOpen(stage, folder, null);
        } else {
            openCore(stage, folder, null);
        }
    }

    /**
     * An encrypted database (H2 CIPHER=AES, ADR 0102) needs its file password before anything else, sign-in
     * included (the accounts are inside the file): asked in a dialog, again after a wrong one; Cancel quits.
     */
    private void askFilePasswordThenOpen(Stage stage, DataFolder folder, String problem) {
        javafx.scene.control.Dialog<char[]> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Encrypted database");
        dialog.setHeaderText("The database in " + folder.root() + " is encrypted.");
        javafx.scene.control.PasswordField password = new javafx.scene.control.PasswordField();
        password.setId("database-file-password");
        password.setPromptText("File password");
        Label hint = new Label((problem == null ? "" : problem + "\n")
                + "Enter the database's file password (your administrator has it), then sign in as usual.");
        hint.setWrapText(true);
        hint.setMaxWidth(420);
        dialog.getDialogPane().setContent(new javafx.scene.layout.VBox(8, hint, password));
        dialog.getDialogPane().getButtonTypes().addAll(javafx.scene.control.ButtonType.OK,
                javafx.scene.control.ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == javafx.scene.control.ButtonType.OK
                ? password.getText().toCharArray() : null);
        Platform.runLater(password::requestFocus);
        java.util.Optional<char[]> entered = dialog.showAndWait();
        if (entered.isEmpty() || entered.get().length == 0) {
            Platform.exit();
            return;
        }
        openCore(stage, folder, entered.get());
    }

    private void openCore(Stage stage, DataFolder folder, char[] filePassword) {
        Thread opener = new Thread(() -> {
            try {
                CoreServices opened = CoreServices.openUpgrading(folder, filePassword, step -> Platform.runLater(() ->
                        ((StackPane) stage.getScene().getRoot()).getChildren().setAll(upgradeStep(step))));
                // The map's first tiles need the bundled basemap (0.3-0.7 s to read on a cold start): read while the
                // person signs in and the window is built, not when the first tile is drawn.
                opened.tasks().submit("Load the offline basemap", BackgroundTasks.Priority.INTERACTIVE,
                        context -> opened.map().basemap());
                Platform.runLater(() -> {
                    core = opened;
                    String benchmark = getParameters().getNamed().get("map-benchmark");
                    if (benchmark != null) {
                        benchmarkMap(stage, opened, Path.of(benchmark));
                    } else {
                        showSignIn(stage, opened, filePassword, reopened -> core = reopened);
                    }
                });
            } catch (org.khareetaty.store.DatabasePasswordException e) {
                LOG.warn("Wrong file password for the encrypted database in {}", folder);
                Platform.runLater(() -> askFilePasswordThenOpen(stage, folder, "Wrong file password."));
            } catch (RuntimeException e) {
                LOG.error("Cannot open the data folder {}", folder, e);
                Platform.runLater(() -> {
                    Alert alert = new Alert(Alert.AlertType.ERROR, e.getMessage());
                    alert.setHeaderText("Khareetaty cannot start");
                    alert.showAndWait();
                    Platform.exit();
                });
            }
        }, "open-database");
        opener.setDaemon(true);
        opener.start();
    }

    /** A step of a database file upgrade at start (ADR 0103): it can take minutes on a large folder. */
    private static javafx.scene.Node upgradeStep(String step) {
        Label text = new Label("Upgrading the database file to this version's H2 engine (the original is kept).\n" + step);
        text.setId("database-upgrade-step");
        text.setWrapText(true);
        text.setMaxWidth(640);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(12, new javafx.scene.control.ProgressIndicator(), text);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        return box;
    }

    /**
     * Sign-in first (creating the administrator on a new database); then the main window behind a session lock.
     * {@code reopened} is told of the core services a restore opens in place of these (they are closed on exit).
     */
    private static void showSignIn(Stage stage, CoreServices core, char[] filePassword, Consumer<CoreServices> reopened) {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        FxExecutor executor = new FxExecutor(core.tasks());
        SignInViewModel signIn = new SignInViewModel(core.users(), executor, !core.users().hasAccounts());
        stage.getScene().setRoot(new SignInView(signIn, core.folder().root().toString(), principal -> {
            Session session = new Session(principal, core.clock(),
                    java.time.Duration.ofMinutes(core.settings().get(SecuritySettings.SESSION_IDLE_MINUTES)));
            SessionLockViewModel lock = new SessionLockViewModel(session, core.users(), executor);
            PipelineScheduler scheduler = new PipelineScheduler(core.pipeline(), core.tasks(), core.settings(), core.clock(), principal);
            stage.getScene().setRoot(new SessionLockOverlay(buildMainWindow(stage, core, principal,
                    restorer(stage, core, principal, filePassword, scheduler::close, reopened)), lock));
            scheduler.start();
            stage.setOnHidden(e -> core.users().signOut(principal));
        }));
    }

    /**
     * A restore from the Backups pane replaces the open database: the window closes the folder (scheduler and core
     * services), restores (every table verified against the backup's manifest before anything is replaced; role check
     * and audit in {@link BackupService#restore}), opens the folder again and asks to sign in, then says what happened.
     */
    static BackupsViewModel.Restorer restorer(Stage stage, CoreServices core, Principal principal,
            char[] filePassword, Runnable beforeClose, Consumer<CoreServices> reopened) {
        return (backup, passphrase) -> {
            DataFolder folder = core.folder();
            Label restoring = new Label("Restoring " + backup.getFileName() + " …\nEvery table is checked against the "
                    + "backup's manifest before the database is replaced.");
            restoring.setId("restore-progress");
            javafx.scene.layout.VBox progress = new javafx.scene.layout.VBox(12, new javafx.scene.control.ProgressIndicator(), restoring);
            progress.setAlignment(javafx.geometry.Pos.CENTER);
            stage.getScene().setRoot(new StackPane(progress));
            Thread worker = new Thread(() -> {
                String message;
                Alert.AlertType kind;
                try {
                    beforeClose.run();
                    core.users().signOut(principal);
                    core.close();
                    BackupService.RestoreResult result = BackupService.restore(folder, principal, backup, passphrase, filePassword);
                    kind = Alert.AlertType.INFORMATION;
                    message = "Restored " + backup.getFileName() + ": " + result.tables().size() + " tables, "
                            + result.tables().values().stream().mapToLong(t -> t.rows()).sum() + " rows verified.\n"
                            + "The database as it was before is kept at " + result.originalKeptAt() + ".";
                } catch (java.io.IOException | RuntimeException e) {
                    LOG.error("Restore of {} failed", backup, e);
                    kind = Alert.AlertType.ERROR;
                    message = "The restore failed and nothing was replaced:\n" + e.getMessage();
                } finally {
                    if (passphrase != null) {
                        java.util.Arrays.fill(passphrase, '\0');
                    }
                }
                String shown = message;
                Alert.AlertType shownKind = kind;
                try {
                    CoreServices opened = CoreServices.open(folder, filePassword);
                    Platform.runLater(() -> {
                        reopened.accept(opened);
                        showSignIn(stage, opened, filePassword, reopened);
                        Alert alert = new Alert(shownKind, shown);
                        alert.initOwner(stage);
                        alert.setHeaderText("Restore");
                        alert.show();
                    });
                } catch (RuntimeException e) {
                    LOG.error("Cannot open {} after the restore", folder, e);
                    Platform.runLater(() -> {
                        Alert alert = new Alert(Alert.AlertType.ERROR, shown + "\n\nThe data folder does not open again: "
                                + e.getMessage());
                        alert.setHeaderText("Khareetaty cannot continue");
                        alert.showAndWait();
                        Platform.exit();
                    });
                }
            }, "restore-backup");
            worker.start();
        };
    }

    /**
     * The map benchmark: signs in as $KHAREETATY_USER (or as the bootstrap user of a folder without accounts),
     * loads the incidents into memory first (as another pane would have), then, once the window has shown its first
     * frame, opens the map pane and measures it (see {@link MapBenchmark}); writes the figures to {@code output} and exits.
     */
    private static void benchmarkMap(Stage stage, CoreServices core, Path output) {
        Principal principal = core.users().hasAccounts()
                ? core.users().signIn(System.getenv("KHAREETATY_USER"),
                        java.util.Objects.requireNonNullElse(System.getenv("KHAREETATY_PASSWORD"), "").toCharArray())
                : Principal.BOOTSTRAP;
        long uiCpuBefore = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        MainWindow window = buildMainWindow(stage, core, principal);
        stage.getScene().setRoot(window);
        long loadStarted = System.nanoTime();
        // A person clicks "Map" once the window is on the screen: the pane is asked for when the window has shown its
        // first frame and the incidents are in memory, whichever comes last.
        java.util.concurrent.CompletableFuture<Long> windowShown = new java.util.concurrent.CompletableFuture<>();
        new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                // Handled at the start of a pulse: the second one comes after the first frame was laid out and drawn.
                if (++pulses == 2) {
                    stop();
                    windowShown.complete(System.nanoTime());
                }
            }
        }.start();
        core.tasks().submit("Load incidents into memory", context -> core.snapshots().current(context)).result()
                .thenCombine(windowShown, (snapshot, shownAt) -> shownAt)
                .whenComplete((shownAt, error) -> {
                    long asked = System.nanoTime();
                    Platform.runLater(() -> openMapAndMeasure(window, asked, (asked - loadStarted) / 1_000_000,
                            shownAt == null ? -1 : (shownAt - loadStarted) / 1_000_000, uiCpuBefore, output));
                });
    }

    /**
     * Opens the map pane and measures it from the moment it opens; how long the UI thread was busy before it could
     * open the pane (it is still building the window's panes on a cold start) is reported beside.
     */
    private static void openMapAndMeasure(MainWindow window, long asked, long askedMs, long firstFrameMs, long uiCpuBefore,
            Path output) {
        long opened = System.nanoTime();
        long uiWaitMs = (opened - asked) / 1_000_000;
        long uiCpuMs = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - uiCpuBefore) / 1_000_000;
        window.show("map");
        MapView pane = (MapView) window.shownPane();
        String pipeline = "JavaFX " + System.getProperty("javafx.runtime.version") + ", prism.order="
                + System.getProperty("prism.order", "default") + ", DISPLAY=" + System.getenv("DISPLAY");
        MapBenchmark.run(pane, pane.viewModel(), opened, pipeline, result -> {
            String text = result.toText()
                    + String.format("  window's first frame / pane asked for  %d / %d ms after the window was built%n", firstFrameMs, askedMs)
                    + String.format("  UI thread busy when asked       %d ms (before the pane opened)%n", uiWaitMs)
                    + String.format("  UI thread CPU, window built to pane opened  %d ms%n", uiCpuMs);
            LOG.info("{}", text);
            try {
                java.nio.file.Files.writeString(output, text);
                java.nio.file.Files.writeString(output.resolveSibling(output.getFileName() + ".frames.csv"),
                        result.perFrameCsv());
            } catch (java.io.IOException e) {
                LOG.error("Cannot write the map benchmark figures to {}", output, e);
            }
            Platform.exit();
        });
    }

    static MainWindow buildMainWindow(Stage stage, CoreServices core, Principal principal) {
        return buildMainWindow(stage, core, principal, restorer(stage, core, principal, null, () -> { }, reopened -> { }));
    }

    static MainWindow buildMainWindow(Stage stage, CoreServices core, Principal principal, BackupsViewModel.Restorer restorer) {
        Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        // Long background work (other panes' queries, alert evaluation) must not take the CPU from the frames (ADR 0045).
        core.tasks().yieldToForeground();
        FxExecutor executor = new FxExecutor(core.tasks());
        FxTaskList taskList = new FxTaskList(core.tasks());
        FilterModel filter = new FilterModel();
        // Panes show the same filter again over new data: imports, area loads and rollbacks finish on a worker thread.
        core.imports().addListener(report -> Platform.runLater(filter::dataChanged));
        core.dataEvents().addListener(new DataEvents.Listener() {
            @Override
            public void analysisFinished(java.util.UUID runId, String kind) {
                Platform.runLater(filter::analysisStored);
            }
        });
        IncidentRepository incidents = core.incidents();

        List<NavigationItem> panes = new ArrayList<>();
        panes.add(new NavigationItem("incidents", "Incidents", () -> new IncidentsView(
                new IncidentsViewModel(incidents, executor, filter, () -> core.settings().get(Settings.AGENCY_ZONE)))));
        panes.add(new NavigationItem("forecast", "Forecast", () -> new ForecastView(
                new ForecastViewModel(core.forecasts(), executor))));
        panes.add(new NavigationItem("backtests", "Backtests", () -> new BacktestView(
                new BacktestViewModel(core.forecasts(), core.hotspotForecasts(), executor))));
        // The map's data is prepared in the background as soon as the window is built (its opening read, the
        // incidents layer), its pane with the window (below), so opening the pane only has to show it (ADR 0045, 0025).
        MapViewModel map = new MapViewModel(core.map(), principal, core.snapshots(), incidents, executor, filter, core.settings(),
                core.settings().get(Settings.AGENCY_ZONE));
        map.open();
        panes.add(new NavigationItem("map", "Map", () -> new MapView(map,
                new TileQueue<>(core.tasks(), "Draw basemap tiles", 2), new TileQueue<>(core.tasks(), "Draw map layers", 2))));
        panes.add(new NavigationItem("hotspots", "Hotspots", () -> new HotspotsView(
                new HotspotsViewModel(core.hotspots(), executor, filter, principal::username))));
        panes.add(new NavigationItem("charts", "Charts", () -> new ChartsView(
                new ChartsViewModel(core.interactiveCharts(), core.chartFiles(), principal, executor, filter))));
        // The alerts pane links to the map; the window exists by the time a pane is first opened.
        java.util.concurrent.atomic.AtomicReference<MainWindow> window = new java.util.concurrent.atomic.AtomicReference<>();
        panes.add(new NavigationItem("alerts", "Alerts", () -> new AlertsView(
                new AlertsViewModel(core.alerts(), executor, filter, principal,
                        () -> window.get().show("map"), core.settings().get(Settings.AGENCY_ZONE)),
                new RulesViewModel(core.alerts().rules(), principal, executor),
                new NotificationSettingsViewModel(core.settings(), core.alerts(), principal, executor))));
        core.alerts().startTimer();
        panes.add(new NavigationItem("status", "Status", () -> new StatusView(
                new StatusViewModel(core::healthChecks, core.pipeline(), principal, executor))));
        if (principal.role().allows(Permission.MANAGE_USERS)) {
            panes.add(new NavigationItem("users", "Users", () -> new UsersView(
                    new UsersViewModel(core.users(), principal, executor, core.clock()))));
        }
        if (principal.role().allows(Permission.BACKUP)) {
            panes.add(new NavigationItem("backups", "Backups", () -> new BackupsView(
                    new BackupsViewModel(core.backups(), principal, executor, restorer),
                    core.settings().get(Settings.AGENCY_ZONE))));
        }
        if (principal.role().allows(Permission.VIEW_AUDIT)) {
            panes.add(new NavigationItem("audit", "Audit log", () -> new AuditView(
                    new AuditViewModel(core.audit(), principal, executor), core.settings().get(Settings.AGENCY_ZONE))));
        }

        boolean mayImport = principal.role().allows(Permission.IMPORT);
        if (mayImport) {
            panes.add(new NavigationItem("import", "Import", () -> new ImportWizardView(
                    new ImportWizardViewModel(core.imports(), principal, executor))));
        }
        panes.add(new NavigationItem("quarantine", "Quarantine", () -> new QuarantineBrowserView(
                new QuarantineBrowserViewModel(core.quarantine(), principal, executor))));
        SyncViewModel sync = new SyncViewModel(core.sync(), principal, executor, core.clock());
        sync.refresh();
        // Automatic sync: checked every 30 s, runs when enabled and the interval has passed.
        Timeline syncTimer = new Timeline(new KeyFrame(Duration.seconds(30), e -> sync.tick()));
        syncTimer.setCycleCount(Animation.INDEFINITE);
        syncTimer.play();
        panes.add(new NavigationItem("sync", "Sync", () -> new SyncView(sync)));

        Menu file = new Menu("File");
        if (mayImport) {
            MenuItem importFiles = new MenuItem("Import…");
            importFiles.setId("menu-import");
            importFiles.setAccelerator(javafx.scene.input.KeyCombination.keyCombination("Shortcut+I"));
            importFiles.setOnAction(e -> window.get().show("import"));
            MenuItem samples = new MenuItem("Load a sample…");
            samples.setOnAction(e -> showWelcome(stage, core, principal, executor, () -> window.get().show("import")));
            file.getItems().addAll(importFiles, samples, new javafx.scene.control.SeparatorMenuItem());
        }
        ReportDialogs reportDialogs = new ReportDialogs(stage, core.reports(), core.exporter(), principal, executor,
                core.settings().get(Settings.AGENCY_ZONE), core.clock());
        MenuItem exportReport = new MenuItem("Export report…");
        exportReport.setId("menu-export-report");
        exportReport.setOnAction(e -> reportDialogs.exportReport(ReportContext.ofFilter("the shared filter", filter.get())));
        MenuItem exportData = new MenuItem("Export data…");
        exportData.setOnAction(e -> reportDialogs.exportData(ReportContext.ofFilter("the shared filter", filter.get())));
        file.getItems().addAll(exportReport, exportData, new javafx.scene.control.SeparatorMenuItem());
        MenuItem exit = new MenuItem("Exit");
        exit.setOnAction(e -> stage.close());
        file.getItems().add(exit);
        Menu account = new Menu("Account");
        account.setId("menu-account");
        MenuItem changePassword = new MenuItem("Change password…");
        changePassword.setId("menu-change-password");
        changePassword.setOnAction(e -> org.khareetaty.ui.security.ChangePasswordDialog.show(stage,
                new org.khareetaty.ui.security.ChangePasswordViewModel(core.users(), principal, executor)));
        account.getItems().add(changePassword);
        Menu help = new Menu("Help");
        MenuItem about = new MenuItem("About Khareetaty…");
        about.setOnAction(e -> AboutDialog.show(stage, core.appInfo()));
        help.getItems().add(about);

        StatusBar statusBar = new StatusBar(taskList, "Data folder: " + core.folder().root());
        MainWindow mainWindow = new MainWindow(panes, List.of(file, account, help), statusBar);
        window.set(mainWindow);
        // The map is what analysts open most and costs most to build: it is built with the window, behind the first
        // pane, so opening it only shows it (ADR 0025).
        mainWindow.prepare("map");
        // The content stays in its scene while the session is locked; it leaves it only when a restore closes this
        // folder and builds a new window, and then the old timer must not tick against closed services.
        mainWindow.sceneProperty().addListener((o, before, now) -> {
            if (before != null && now == null) {
                syncTimer.stop();
            }
        });
        if (mayImport) {
            // First start: an empty database offers the samples (checked off the UI thread).
            executor.run("Check for data", context -> core.imports().batches().isEmpty(), empty -> {
                if (empty) {
                    showWelcome(stage, core, principal, executor, () -> mainWindow.show("import"));
                }
            }, error -> LOG.warn("Cannot check whether the database is empty", error));
        }
        return mainWindow;
    }

    private static void showWelcome(Stage stage, CoreServices core, Principal principal, FxExecutor executor,
            Runnable openImport) {
        WelcomeViewModel welcome = new WelcomeViewModel(core.samples(), principal, executor, core.folder().root().toString(), openImport);
        javafx.scene.control.Dialog<Void> dialog = new javafx.scene.control.Dialog<>();
        dialog.initOwner(stage);
        dialog.setTitle("Welcome");
        dialog.getDialogPane().setContent(new WelcomeView(welcome));
        dialog.getDialogPane().getButtonTypes().add(javafx.scene.control.ButtonType.CLOSE);
        welcome.doneProperty().addListener((obs, old, now) -> {
            if (now) {
                dialog.close();
            }
        });
        dialog.show();
    }

    @Override
    public void stop() {
        if (core != null) {
            core.close();
        }
    }
}
