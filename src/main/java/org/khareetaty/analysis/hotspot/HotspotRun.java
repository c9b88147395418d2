package org.khareetaty.analysis.hotspot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;

/**
 * A stored hotspot analysis and its provenance: parameters, the filter, the local days analysed, the
 * first and last incident instants, how many incidents went in, the projection and a summary.
 */
public record HotspotRun(
        UUID id,
        RunKind kind,
        Map<String, Object> parameters,
        IncidentFilter filter,
        LocalDate fromDay,
        LocalDate toDay,
        Instant firstIncident,
        Instant lastIncident,
        long rowCount,
        String projection,
        Map<String, Object> summary,
        String username,
        Instant startedAt,
        long elapsedMs,
        String appVersion) {

    public HotspotRun {
        parameters = Map.copyOf(parameters);
        summary = Map.copyOf(summary);
    }

    /** Days analysed, inclusive; at least 1. */
    public long days() {
        return fromDay == null || toDay == null ? 1 : Math.max(1, toDay.toEpochDay() - fromDay.toEpochDay() + 1);
    }

    /** One line for lists: kind, parameters and the data window. */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.title());
        parameters.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> text.append(' ').append(e.getKey()).append('=').append(e.getValue()));
        text.append(", ").append(fromDay).append(" … ").append(toDay).append(", ")
                .append(String.format("%,d", rowCount)).append(" incidents");
        return text.toString();
    }
}
