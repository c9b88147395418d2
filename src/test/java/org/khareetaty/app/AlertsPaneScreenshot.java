package org.khareetaty.app;

import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.khareetaty.common.DataFolder;
import org.khareetaty.core.CoreServices;
import org.khareetaty.security.Principal;
import org.khareetaty.security.Role;
import org.khareetaty.ui.shell.MainWindow;

/**
 * Opens the real main window on a data folder at the Alerts pane with the first alert selected, for the
 * screenshot in docs/screenshots (run under Xvfb, then capture with {@code import -window root}).
 * Usage: AlertsPaneScreenshot DATA_DIR USERNAME
 */
public final class AlertsPaneScreenshot extends Application {

    @Override
    public void start(Stage stage) {
        CoreServices core = CoreServices.open(new DataFolder(Path.of(getParameters().getRaw().get(0))));
        MainWindow window = DesktopApp.buildMainWindow(stage, core,
                new Principal(getParameters().getRaw().get(1), Role.ADMINISTRATOR));
        stage.setScene(new Scene(window, 1400, 900));
        stage.setTitle("Khareetaty Workstation");
        stage.show();
        window.show("alerts");
        PauseTransition wait = new PauseTransition(Duration.seconds(20));
        wait.setOnFinished(e -> {
            TableView<?> table = (TableView<?>) stage.getScene().lookup("#alerts-table");
            if (table != null && !table.getItems().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });
        wait.play();
    }
}
