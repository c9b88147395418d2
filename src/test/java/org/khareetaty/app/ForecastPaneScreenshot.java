package org.khareetaty.app;

import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.khareetaty.common.DataFolder;
import org.khareetaty.core.CoreServices;
import org.khareetaty.security.Principal;
import org.khareetaty.security.Role;
import org.khareetaty.ui.shell.MainWindow;

/**
 * Opens the real main window on a data folder at the Forecast pane, runs the district forecast and selects one
 * district, for the screenshot in docs/screenshots (run under Xvfb, capture with {@code import -window root}).
 * Usage: ForecastPaneScreenshot DATA_DIR USERNAME [SERIES_INDEX]
 */
public final class ForecastPaneScreenshot extends Application {

    @Override
    public void start(Stage stage) {
        CoreServices core = CoreServices.open(new DataFolder(Path.of(getParameters().getRaw().get(0))));
        MainWindow window = DesktopApp.buildMainWindow(stage, core,
                new Principal(getParameters().getRaw().get(1), Role.ADMINISTRATOR));
        int seriesIndex = getParameters().getRaw().size() > 2 ? Integer.parseInt(getParameters().getRaw().get(2)) : 1;
        stage.setScene(new Scene(window, 1400, 900));
        stage.setTitle("Khareetaty Workstation");
        stage.show();
        window.show("forecast");
        PauseTransition run = new PauseTransition(Duration.seconds(5));
        run.setOnFinished(e -> ((Button) stage.getScene().lookup("#forecast-run")).fire());
        run.play();
        // The forecast runs on the background executor; select a series once the list has filled.
        PauseTransition select = new PauseTransition(Duration.seconds(1));
        select.setOnFinished(e -> {
            ListView<?> series = (ListView<?>) stage.getScene().lookup("#forecast-series");
            if (series != null && series.getItems().size() > seriesIndex) {
                series.getSelectionModel().select(seriesIndex);
            } else {
                select.playFromStart();
            }
        });
        select.play();
    }
}
