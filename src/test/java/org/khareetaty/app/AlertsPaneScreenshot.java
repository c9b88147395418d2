package org.khareetaty.app;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Opens the real main window on a data folder at the Alerts pane with the first alert selected, for the
 * screenshot in docs/screenshots (run under Xvfb, then capture with {@code import -window root}).
 * Usage: AlertsPaneScreenshot DATA_DIR USERNAME
 */
public final class AlertsPaneScreenshot extends Application {

    @Override
    public void start(Stage stage) {
        PaneScreenshot.open(stage, getParameters().getRaw().get(0), getParameters().getRaw().get(1), "alerts");
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
