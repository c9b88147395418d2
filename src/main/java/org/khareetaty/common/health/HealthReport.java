package org.khareetaty.common.health;

import java.util.ArrayList;
import java.util.List;

/** Runs a set of checks; a check that throws is reported as failed rather than aborting the report. */
public record HealthReport(List<HealthResult> results) {

    public static HealthReport run(List<HealthCheck> checks) {
        List<HealthResult> results = new ArrayList<>();
        for (HealthCheck check : checks) {
            try {
                results.add(check.check());
            } catch (RuntimeException e) {
                results.add(HealthResult.fail(check.getClass().getSimpleName(), String.valueOf(e.getMessage())));
            }
        }
        return new HealthReport(List.copyOf(results));
    }

    public boolean healthy() {
        return results.stream().noneMatch(r -> r.status() == HealthResult.Status.FAIL);
    }
}
