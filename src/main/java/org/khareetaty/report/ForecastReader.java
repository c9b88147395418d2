package org.khareetaty.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.khareetaty.analysis.forecast.CountBacktestResult;
import org.khareetaty.analysis.forecast.CountSeries;
import org.khareetaty.analysis.forecast.ForecastPoint;
import org.khareetaty.analysis.forecast.ForecastService;
import org.khareetaty.analysis.forecast.ForecastStore;

/** Reads the forecasts and backtests that the forecast service stored, in the shape reports use. */
final class ForecastReader {

    private static final int RUNS_SEARCHED = 50;

    private final ForecastService forecasts;

    ForecastReader(ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    /** The latest weekly forecast of the whole agency ({@code areaId} null) or of one area. */
    Optional<ReportForecast> latest(UUID areaId) {
        String key = CountSeries.key(areaId, null);
        return forecasts.latestForecast(key, ForecastPoint.Period.WEEK).map(stored -> {
            ForecastStore.StoredRun run = forecasts.store().runs(ForecastStore.KIND_FORECAST, RUNS_SEARCHED).stream()
                    .filter(r -> r.id().equals(stored.runId())).findFirst().orElse(null);
            Optional<CountBacktestResult> backtest = forecasts.latestCountBacktest();
            return new ReportForecast(stored.runId(), run == null ? ForecastStore.KIND_FORECAST : run.kind(),
                    run == null ? "{}" : run.parametersJson(), stored.computedAt(), key, stored.points(),
                    backtest.map(CountBacktestResult::runId).orElse(null),
                    backtest.map(CountBacktestResult::overall).orElse(List.of()));
        });
    }

    /** The latest weekly forecast point of each area for the week starting {@code monday}. */
    Map<UUID, ForecastPoint> areaWeek(List<AreaRef> areas, java.time.LocalDate monday) {
        Map<UUID, ForecastPoint> byArea = new HashMap<>();
        for (AreaRef area : areas) {
            forecasts.latestForecast(CountSeries.key(area.id(), null), ForecastPoint.Period.WEEK)
                    .flatMap(stored -> stored.points().stream().filter(p -> p.periodStart().equals(monday)).findFirst())
                    .ifPresent(point -> byArea.put(area.id(), point));
        }
        return byArea;
    }
}
