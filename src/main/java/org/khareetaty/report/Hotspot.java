package org.khareetaty.report;

import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/** One stored hotspot; {@code geometry} is in WGS 84 longitude/latitude. */
public record Hotspot(
        UUID id,
        UUID runId,
        int rank,
        String label,
        long incidentCount,
        double areaM2,
        double densityPerKm2,
        Double score,
        Double zScore,
        Double pValue,
        Integer confidence,
        Geometry geometry) {

    /** The label shown in reports: the stored one, or "Hotspot #rank". */
    public String displayName() {
        return label == null || label.isBlank() ? "Hotspot #" + rank : label;
    }
}
