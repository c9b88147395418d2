package org.khareetaty.report;

import java.time.Instant;
import java.util.UUID;

/** An analysis run that produced hotspots, with what a reader needs to judge it. */
public record HotspotRun(
        UUID id,
        String kind,
        String parameters,
        String filters,
        Instant dataFrom,
        Instant dataTo,
        long rowCount,
        Instant startedAt,
        String appVersion) {
}
