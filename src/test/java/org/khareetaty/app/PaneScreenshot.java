package org.khareetaty.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.khareetaty.common.DataFolder;
import org.khareetaty.core.CoreServices;
import org.khareetaty.security.Principal;
import org.khareetaty.security.Role;
import org.khareetaty.ui.shell.MainWindow;

/**
 * Opens the real main window on a data folder at one pane (e.g. users, backups, sync), signed in as an administrator,
 * for the screenshots in docs/screenshots (run under Xvfb, capture with {@code import -window root}).
 * Usage: DATA_DIR USERNAME PANE
 */
public final class PaneScreenshot extends Application {

    @Override
    public void start(Stage stage) {
        open(stage, getParameters().getRaw().get(0), getParameters().getRaw().get(1), getParameters().getRaw().get(2));
    }

    /** The main window on the data folder, signed in as {@code username} (an administrator), shown at {@code pane}. */
    static MainWindow open(Stage stage, String dataDir, String username, String pane) {
        CoreServices core = CoreServices.open(new DataFolder(Path.of(dataDir)));
        MainWindow window = DesktopApp.buildMainWindow(stage, core, new Principal(username, Role.ADMINISTRATOR));
        stage.setScene(new Scene(window, 1400, 900));
        stage.setTitle("Khareetaty Workstation");
        stage.show();
        window.show(pane);
        return window;
    }

    /** Starts the application from the class path (a main class extending Application needs the module path). */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(PaneScreenshot.class, args);
        }
    }
}
