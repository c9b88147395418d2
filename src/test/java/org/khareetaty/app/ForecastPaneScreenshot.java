package org.khareetaty.app;

import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Opens the real main window on a data folder at the Forecast pane, runs the district forecast and selects one
 * district, for the screenshot in docs/screenshots (run under Xvfb, capture with {@code import -window root}).
 * Usage: ForecastPaneScreenshot DATA_DIR USERNAME [SERIES_INDEX]
 */
public final class ForecastPaneScreenshot extends Application {

    @Override
    public void start(Stage stage) {
        int seriesIndex = getParameters().getRaw().size() > 2 ? Integer.parseInt(getParameters().getRaw().get(2)) : 1;
        PaneScreenshot.open(stage, getParameters().getRaw().get(0), getParameters().getRaw().get(1), "forecast");
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
