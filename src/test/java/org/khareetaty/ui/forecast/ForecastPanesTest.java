package org.khareetaty.ui.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.core.CoreServices;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;
import org.khareetaty.ui.common.FxExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The forecast and backtest panes, headless, on a real database: run a forecast and a count backtest. */
@ExtendWith(ApplicationExtension.class)
class ForecastPanesTest {

    @TempDir
    static Path folder;
    private static CoreServices core;

    /** Slow database work stays off the FX thread (TestFX gives the start method only seconds). */
    @BeforeAll
    static void openDatabase() {
        core = CoreServices.open(TestDatabases.prepare(folder.resolve("panes-" + System.nanoTime())));
        TestIncidents.insert(core.database(), TestIncidents.random(3000, 5), ZoneId.of("America/New_York"));
        TestIncidents.insertBoxArea(core.database(), "district", "W", -75.25, 39.90, -75.15, 40.05);
        TestIncidents.insertBoxArea(core.database(), "district", "E", -75.15, 39.90, -75.05, 40.05);
    }

    @Start
    void start(Stage stage) {
        FxExecutor executor = new FxExecutor(core.tasks());
        ForecastView forecast = new ForecastView(new ForecastViewModel(core.forecasts(), executor));
        BacktestView backtest = new BacktestView(new BacktestViewModel(core.forecasts(), core.hotspotForecasts(), executor));
        stage.setScene(new Scene(new HBox(forecast, backtest), 1200, 760));
        stage.show();
    }

    @AfterAll
    static void close() {
        core.close();
    }

    @Test
    void forecastButtonFillsTheSeriesAndTheTable(FxRobot robot) throws Exception {
        robot.clickOn("#forecast-run");
        ListView<?> series = robot.lookup("#forecast-series").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> series.getItems().size() == 3);
        TableView<?> points = robot.lookup("#forecast-points").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> points.getItems().size() >= 28);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#forecast-status").queryLabeled().getText().contains("Stored"));
    }

    @Test
    void countBacktestShowsTheModelBesideTheSeasonalNaive(FxRobot robot) throws Exception {
        robot.clickOn("#backtest-counts");
        TableView<?> table = robot.lookup("#backtest-count-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> table.getItems().size() == 4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#backtest-status").queryLabeled().getText().contains("Stored"));
        assertThat(table.getItems()).extracting(row -> ((org.khareetaty.analysis.forecast.MethodScore) row).method())
                .containsExactly("count-model", "count-model", "seasonal-naive", "seasonal-naive");
    }
}
