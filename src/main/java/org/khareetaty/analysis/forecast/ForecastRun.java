package org.khareetaty.analysis.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored forecast run: the history it was fitted on, its origin and one forecast per series. */
public record ForecastRun(UUID runId, String byKind, String categoryGroup, LocalDate trainingFrom, LocalDate trainingTo,
        int horizonDays, List<SeriesForecast> series, long elapsedMs) {

    /** The first forecast day. */
    public LocalDate origin() {
        return trainingTo.plusDays(1);
    }
}
