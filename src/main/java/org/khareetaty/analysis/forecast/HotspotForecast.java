package org.khareetaty.analysis.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A stored hotspot forecast for the week starting at {@code origin}: the risk surface and, per coverage, the
 * flagged cells (their centres in longitude/latitude), highest risk first.
 */
public record HotspotForecast(UUID runId, LocalDate origin, double cellSizeM, int cellsInside,
        List<Flagged> flagged, RiskGrid grid, double[] risk) {

    /** The cells flagged at one coverage. */
    public record Flagged(double coveragePercent, List<double[]> cellCentres) {
    }
}
