package org.khareetaty.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.khareetaty.analysis.forecast.ForecastPoint;
import org.khareetaty.analysis.forecast.MethodScore;

/**
 * The stored forecast a report shows: the run that made it (kind, parameters), the weekly points of the
 * series for the report's scope, and the scores of the latest count backtest (empty when none was run).
 */
public record ReportForecast(
        UUID runId,
        String kind,
        String parameters,
        Instant startedAt,
        String seriesKey,
        List<ForecastPoint> points,
        UUID backtestRunId,
        List<MethodScore> backtests) {

    /** The point for the week starting {@code monday}, if the run covers it. */
    public Optional<ForecastPoint> week(LocalDate monday) {
        return points.stream().filter(p -> p.periodStart().equals(monday)).findFirst();
    }
}
