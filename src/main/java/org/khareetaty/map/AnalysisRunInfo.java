package org.khareetaty.map;

import java.time.Instant;
import java.util.UUID;

/** An analysis run the map can show (hotspots, density, Gi*, forecast): what and when. */
public record AnalysisRunInfo(UUID id, String kind, Instant startedAt, long rowCount, String parameters, int hotspotCount,
        int gridCount) {

    /** A short text for choosers, e.g. "KDE 2026-11-21 23:40 (12,345 incidents)". */
    public String describe(java.time.ZoneId zone) {
        return kind + " " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(startedAt.atZone(zone))
                + String.format(" (%,d incidents)", rowCount);
    }
}
