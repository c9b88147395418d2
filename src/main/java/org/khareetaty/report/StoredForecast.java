package org.khareetaty.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored forecast run as reports use it: the run, the chosen series and its points. */
public record StoredForecast(
        UUID runId,
        String kind,
        String parameters,
        Instant startedAt,
        String appVersion,
        String seriesKey,
        List<Point> points,
        List<Backtest> backtests) {

    /** One forecast period; bounds are NaN when the stored period was aggregated (days summed to a week). */
    public record Point(LocalDate periodStart, String period, double mean, double lower80, double upper80,
            double lower95, double upper95) {
    }

    /** One backtest score of the forecast method. */
    public record Backtest(String method, String metric, Integer horizon, String seriesKey, double score) {
    }

    /** The point for the week starting {@code monday}, if the run covers it. */
    public java.util.Optional<Point> week(LocalDate monday) {
        return points.stream().filter(p -> p.periodStart().equals(monday)).findFirst();
    }
}
