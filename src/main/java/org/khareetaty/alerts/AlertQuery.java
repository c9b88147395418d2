package org.khareetaty.alerts;

import java.util.Set;
import java.util.UUID;

/** Filters of the alert list; empty sets and null ids mean "all". */
public record AlertQuery(Set<Severity> severities, Set<AlertStatus> statuses, UUID areaId, UUID ruleId, int limit) {

    public static final AlertQuery ALL = new AlertQuery(Set.of(), Set.of(), null, null, 1000);

    public AlertQuery {
        severities = severities == null ? Set.of() : Set.copyOf(severities);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
    }
}
