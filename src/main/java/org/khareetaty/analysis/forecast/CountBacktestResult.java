package org.khareetaty.analysis.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The outcome of a rolling-origin count backtest: scores of the model and the seasonal naive baseline,
 * averaged over every series x origin pair, and per series. Times exclude nothing but the database write.
 */
public record CountBacktestResult(UUID runId, String byKind, String categoryGroup, List<LocalDate> origins,
        int trainingDays, List<String> seriesLabels, List<MethodScore> overall, Map<String, List<MethodScore>> bySeries,
        long loadMillis, long modelMillis) {

    public static final String MODEL = "count-model";
    public static final String SEASONAL_NAIVE = "seasonal-naive";
}
