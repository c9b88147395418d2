package org.khareetaty.analysis.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored weekly hotspot backtest: the model's and both baselines' mean PAI, PEI* and hit rate per coverage. */
public record HotspotBacktestResult(UUID runId, String regionKind, LocalDate firstOrigin, int weeks, double cellSizeM,
        int cellsInside, long incidents, List<HotspotBacktest.Score> scores, long loadMillis, long modelMillis) {
}
