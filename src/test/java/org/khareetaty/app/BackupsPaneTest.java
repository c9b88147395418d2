package org.khareetaty.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.DataFolder;
import org.khareetaty.core.CoreServices;
import org.khareetaty.security.BackupService.Backup;
import org.khareetaty.security.Principal;
import org.khareetaty.security.Role;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;
import org.khareetaty.ui.backup.BackupsView;
import org.khareetaty.ui.backup.BackupsViewModel;
import org.khareetaty.ui.security.SignInView;
import org.khareetaty.ui.shell.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Backups pane in the real main window: an administrator writes an encrypted backup, later data is added, and
 * the restore from the window closes the folder, verifies and replaces the database, and asks to sign in again.
 */
@ExtendWith(ApplicationExtension.class)
class BackupsPaneTest {

    private static final Principal ADA = new Principal("ada", Role.ADMINISTRATOR);

    @TempDir
    static Path folder;
    DataFolder data;
    CoreServices core;
    Stage stage;
    MainWindow window;
    /** The services the restore opens in place of {@link #core}: closed after the test, like the app does on exit. */
    final java.util.concurrent.atomic.AtomicReference<CoreServices> reopened = new java.util.concurrent.atomic.AtomicReference<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        data = TestDatabases.prepare(folder.resolve("backups-" + System.nanoTime()));
        core = CoreServices.open(data);
        core.users().create(Principal.BOOTSTRAP, "ada", "Ada", Role.ADMINISTRATOR, "admin-password-2026".toCharArray());
        TestIncidents.insert(core.database(), TestIncidents.random(300, 5), ZoneId.of("UTC"));
        window = DesktopApp.buildMainWindow(stage, core, ADA, DesktopApp.restorer(stage, core, ADA, null, () -> { }, reopened::set));
        stage.setScene(new Scene(window, 1300, 800));
        stage.show();
    }

    @Test
    void anAdministratorBacksUpAndRestoresFromTheWindow(FxRobot robot) throws Exception {
        robot.interact(() -> window.show("backups"));
        BackupsViewModel viewModel = ((BackupsView) window.shownPane()).viewModel();
        robot.clickOn("#backup-encrypt");
        robot.clickOn("#backup-passphrase").write("backup-passphrase-1");
        robot.clickOn("#backup-passphrase-repeat").write("backup-passphrase-1");
        robot.clickOn("#backup-create");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> viewModel.backups().size() == 1);
        Backup backup = viewModel.backups().get(0);
        assertThat(backup.encrypted()).isTrue();
        assertThat(viewModel.statusProperty().get()).startsWith("Wrote " + backup.file().getFileName()).contains("AES-256-GCM");

        TestIncidents.insert(core.database(), TestIncidents.random(50, 6), ZoneId.of("UTC"));
        assertThat(core.database().rowCounts().get("incident")).isEqualTo(350);

        TableView<?> table = robot.lookup("#backups-table").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.interact(() -> viewModel.restoreSelected(null));
        assertThat(viewModel.statusProperty().get()).contains("is encrypted: enter its passphrase");

        robot.interact(() -> viewModel.restoreSelected("backup-passphrase-1".toCharArray()));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> stage.getScene().getRoot() instanceof SignInView);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane").queryAs(javafx.scene.control.DialogPane.class).getContentText())
                .startsWith("Restored " + backup.file().getFileName()).contains("rows verified").contains("kept at");

        // Sign in again on the reopened folder: the 50 later incidents are gone.
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup(".dialog-pane").query().getScene().getWindow()).close());
        robot.clickOn("#username").write("ada");
        robot.clickOn("#password").write("admin-password-2026");
        robot.clickOn("#sign-in-button");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("300 incidents").tryQuery().isPresent());
    }

    @org.junit.jupiter.api.AfterEach
    void closeReopened() throws java.util.concurrent.TimeoutException {
        // Hidden first: the window signs the session out (onHidden) while the services are still open.
        org.testfx.api.FxToolkit.hideStage();
        CoreServices opened = reopened.getAndSet(null);
        if (opened != null) {
            opened.close();
        }
    }

    @Test
    void anAnalystIsRefusedBeforeAnythingCloses(FxRobot robot) {
        boolean[] called = {false};
        BackupsViewModel analyst = new BackupsViewModel(core.backups(), new Principal("ann", Role.ANALYST),
                new org.khareetaty.ui.common.FxExecutor(core.tasks()), (backup, passphrase) -> called[0] = true);
        robot.interact(() -> {
            analyst.backups().add(new Backup(data.backups().resolve("khareetaty-20260101-000000.zip"),
                    java.time.Instant.now(), 1, false));
            analyst.selectedProperty().set(analyst.backups().get(0));
            analyst.restoreSelected(null);
        });
        assertThat(called[0]).isFalse();
        assertThat(analyst.statusProperty().get()).contains("may not restore backups");
        core.close();
    }
}
