package org.khareetaty.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.DataFolder;
import org.khareetaty.core.CoreServices;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real main window headless (Monocle) on a real database and reads incidents through the table. */
@ExtendWith(ApplicationExtension.class)
class MainWindowSmokeTest {

    @TempDir
    static Path folder;
    private CoreServices core;

    @Start
    void start(Stage stage) {
        DataFolder data = TestDatabases.prepare(folder.resolve("smoke-" + System.nanoTime()));
        core = CoreServices.open(data);
        TestIncidents.insert(core.database(), TestIncidents.random(1_200, 3), ZoneId.of("Asia/Kuwait"));
        stage.setScene(new Scene(DesktopApp.buildMainWindow(stage, core, org.khareetaty.security.Principal.BOOTSTRAP), 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void showsNavigationStatusBarAndIncidentRowsFromTheDatabase(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#navigation").tryQuery()).isPresent();
        assertThat(robot.lookup("#status-bar").tryQuery()).isPresent();
        TableView<?> table = robot.lookup("#incidents-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 1_200);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().get(0) != null);
        assertThat(robot.lookup("1,200 incidents").tryQuery()).isPresent();
    }
}
