package org.khareetaty.pipeline;

import java.util.Map;

/** What a step did: its status, a sentence for people and figures for machines. */
public record StepResult(String step, Status status, String message, long elapsedMs, Map<String, Object> figures) {

    /** OK and SKIPPED are healthy; FAILED is shown as a warning until a later run succeeds. */
    public enum Status { OK, SKIPPED, FAILED }

    public StepResult {
        figures = figures == null ? Map.of() : Map.copyOf(figures);
    }

    public static StepResult ok(String message, Map<String, Object> figures) {
        return new StepResult(null, Status.OK, message, 0, figures);
    }

    public static StepResult skipped(String message) {
        return new StepResult(null, Status.SKIPPED, message, 0, Map.of());
    }

    StepResult named(String name, long elapsed) {
        return new StepResult(name, status, message, elapsed, figures);
    }
}
