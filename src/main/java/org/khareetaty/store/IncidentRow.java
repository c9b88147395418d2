package org.khareetaty.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One clean incident as shown in tables and details. Longitude and latitude are null when not located. */
public record IncidentRow(
        UUID id,
        String sourceKey,
        Instant occurredAt,
        LocalDate localDate,
        int localHour,
        String categoryCode,
        String categorySource,
        String address,
        Double lon,
        Double lat,
        String timeFlag) {
}
