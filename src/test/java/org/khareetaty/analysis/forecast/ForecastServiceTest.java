package org.khareetaty.analysis.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.events.DataEvents;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentSnapshots;
import org.khareetaty.store.SettingsStore;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;

/** Forecast and count backtest runs through a real database: stored, and read back as stored. */
class ForecastServiceTest {

    @TempDir
    Path folder;

    private Database database;
    private ForecastService service;
    private final List<String> finishedRuns = new java.util.concurrent.CopyOnWriteArrayList<>();
    private UUID west;

    @BeforeEach
    void setUp() {
        database = TestDatabases.open(folder);
        TestIncidents.insert(database, TestIncidents.random(4000, 11), ZoneId.of("America/New_York"));
        west = TestIncidents.insertBoxArea(database, "district", "W", -75.25, 39.90, -75.15, 40.05);
        TestIncidents.insertBoxArea(database, "district", "E", -75.15, 39.90, -75.05, 40.05);
        SettingsStore settings = new SettingsStore(database);
        service = new ForecastService(database, new IncidentSnapshots(database), settings,
                new ForecastStore(database, settings), Clock.systemUTC(), "test", recordingEvents(finishedRuns));
    }

    /** DataEvents that note every finished analysis run as "kind runId" (what the alert evaluator hears). */
    static DataEvents recordingEvents(List<String> finished) {
        DataEvents events = new DataEvents();
        events.addListener(new DataEvents.Listener() {
            @Override
            public void analysisFinished(UUID runId, String kind) {
                finished.add(kind + " " + runId);
            }
        });
        return events;
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void forecastIsStoredAndTheLatestOneIsReadBack() {
        ForecastRun run = service.forecast(new ForecastService.Request("district", null, 28, null), TaskContext.NONE);

        assertThat(finishedRuns).containsExactly(ForecastStore.KIND_FORECAST + " " + run.runId());
        assertThat(run.series()).hasSize(3); // the agency and two districts
        SeriesForecast westForecast = run.series().stream().filter(s -> west.equals(s.series().areaId())).findFirst()
                .orElseThrow();
        assertThat(westForecast.daily()).hasSize(28);
        // Whole ISO weeks inside the 28 days: 4 when the forecast starts on a Monday, else 3.
        assertThat(westForecast.weekly()).hasSize(run.origin().getDayOfWeek() == java.time.DayOfWeek.MONDAY ? 4 : 3);
        assertThat(westForecast.weekly()).allMatch(p -> p.periodStart().getDayOfWeek() == java.time.DayOfWeek.MONDAY);
        assertThat(westForecast.daily().get(0).periodStart()).isEqualTo(run.origin());
        for (ForecastPoint p : westForecast.daily()) {
            assertThat(p.lower95()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(p.lower80());
            assertThat(p.upper80()).isLessThanOrEqualTo(p.upper95());
        }
        // 4000 incidents in 2024 (11 a day) with about half in the west: weekly totals near 38.
        assertThat(westForecast.weekly().get(0).mean()).isBetween(25.0, 55.0);

        ForecastStore.StoredForecast stored = service.latestForecast(CountSeries.key(west, null), ForecastPoint.Period.DAY)
                .orElseThrow();
        assertThat(stored.runId()).isEqualTo(run.runId());
        assertThat(stored.areaId()).isEqualTo(west);
        assertThat(stored.points()).containsExactlyElementsOf(westForecast.daily());
        assertThat(service.latestForecast(CountSeries.key(west, null), ForecastPoint.Period.WEEK).orElseThrow().points())
                .containsExactlyElementsOf(westForecast.weekly());

        ForecastRun second = service.forecast(new ForecastService.Request("district", null, 7, null), TaskContext.NONE);
        assertThat(service.latestForecast("agency", ForecastPoint.Period.DAY).orElseThrow().runId())
                .isEqualTo(second.runId());
        List<ForecastStore.StoredRun> runs = service.store().runs(ForecastStore.KIND_FORECAST, 10);
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).dataTo()).isEqualTo(run.trainingTo());
        assertThat(runs.get(0).parametersJson()).contains("\"horizonDays\":7");
    }

    @Test
    void countBacktestIsStoredWithBothMethods() {
        CountBacktestResult result = service.backtestCounts(new ForecastService.BacktestRequest("district", null,
                List.of(LocalDate.of(2024, 10, 1), LocalDate.of(2024, 11, 1)), new int[] {7, 28}, 200, null),
                TaskContext.NONE);

        assertThat(finishedRuns).as("a backtest changes nothing alert rules read").isEmpty();
        assertThat(result.overall()).extracting(MethodScore::method)
                .containsExactly("count-model", "count-model", "seasonal-naive", "seasonal-naive");
        MethodScore model28 = result.overall().get(1);
        MethodScore naive28 = result.overall().get(3);
        assertThat(model28.coverage95()).isBetween(0.8, 1.0);
        assertThat(naive28.coverage95()).isNull();
        // On a series with no weekly pattern, the model (a level) beats repeating last week's noise.
        assertThat(model28.mase()).isLessThan(naive28.mase());
        assertThat(result.bySeries()).hasSize(3);

        CountBacktestResult latest = service.latestCountBacktest().orElseThrow();
        assertThat(latest.runId()).isEqualTo(result.runId());
        assertThat(latest.overall()).isEqualTo(result.overall());
        Long scoreRows = database.withConnection(c -> {
            try (var s = c.prepareStatement("SELECT COUNT(*) FROM backtest_score WHERE run_id = ?")) {
                s.setObject(1, result.runId());
                try (var rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        // per (series + overall) x horizons: model 5 metrics, naive 2
        assertThat(scoreRows).isEqualTo(4L * 2 * 7);
    }

    @Test
    void unknownAreaKindIsExplained() {
        assertThatThrownBy(() -> service.forecast(new ForecastService.Request("governorate", null, 7, null), TaskContext.NONE))
                .hasMessageContaining("no areas of kind 'governorate'").hasMessageContaining("district");
    }
}
