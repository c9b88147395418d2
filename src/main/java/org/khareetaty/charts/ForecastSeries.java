package org.khareetaty.charts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored forecast (analysis run of kind FORECAST) for one series, with its 80 % and 95 % intervals. */
public record ForecastSeries(UUID runId, Instant madeAt, String seriesKey, TimeGranularity period, List<Point> points) {

    public ForecastSeries {
        points = List.copyOf(points);
    }

    /** The forecast for the bucket starting on {@code periodStart}. */
    public record Point(LocalDate periodStart, double mean, double lower80, double upper80, double lower95,
            double upper95) {
    }
}
