package org.khareetaty.analysis.hotspot;

import java.util.UUID;
import org.locationtech.jts.geom.Geometry;

/**
 * One hotspot of a run: a DBSCAN cluster, or a group of significant Gi* cells or an area. The geometry
 * is in WGS 84 longitude/latitude; its area is measured in the run's metric projection. Gi* fields
 * ({@code zScore}, {@code pValue}, {@code confidence}: 90/95/99, negative for cold spots) are null for clusters.
 */
public record Hotspot(
        UUID id,
        int rank,
        String label,
        Geometry geometry,
        long incidentCount,
        double areaM2,
        double densityPerKm2,
        Double score,
        Double zScore,
        Double pValue,
        Integer confidence,
        HotspotProfile profile) {

    /** True for a Gi* cold spot (significantly fewer incidents than expected). */
    public boolean cold() {
        return confidence != null && confidence < 0;
    }
}
