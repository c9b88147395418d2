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
    private org.khareetaty.ui.shell.MainWindow window;

    @Start
    void start(Stage stage) {
        DataFolder data = TestDatabases.prepare(folder.resolve("smoke-" + System.nanoTime()));
        core = CoreServices.open(data);
        TestIncidents.insert(core.database(), TestIncidents.random(1_200, 3), ZoneId.of("Asia/Kuwait"));
        window = DesktopApp.buildMainWindow(stage, core, org.khareetaty.security.Principal.BOOTSTRAP);
        stage.setScene(new Scene(window, 1200, 800));
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

    @Test
    void theMapIsBuiltWithTheWindowHiddenAndOpensWithoutBeingBuiltAgain(FxRobot robot) throws Exception {
        javafx.scene.Node map = robot.lookup("#map-pane").query();
        assertThat(map.isVisible()).isFalse();
        assertThat(window.shownPane()).isNotSameAs(map);
        // Laid out at the window's size while hidden, so Gluon's map is made before the pane is opened.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#map-view").tryQuery().isPresent());
        assertThat(map.getLayoutBounds().getWidth()).isGreaterThan(400);

        robot.interact(() -> window.show("map"));
        assertThat(window.shownPane()).isSameAs(map);
        assertThat(map.isVisible()).isTrue();
        robot.interact(() -> window.show("incidents"));
        assertThat(map.getScene()).as("a pane that is left leaves the scene").isNull();
        assertThat(robot.lookup("#incidents-table").query().isVisible()).isTrue();
    }
}
