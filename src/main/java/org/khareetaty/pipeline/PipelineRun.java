package org.khareetaty.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One run of the pipeline with each step's outcome. */
public record PipelineRun(UUID id, String trigger, Instant startedAt, Instant finishedAt, String status, List<StepResult> steps) {

    /** OK when every step is OK or SKIPPED; otherwise PARTIAL (some failed) or INTERRUPTED (the process died). */
    public boolean succeeded() {
        return "OK".equals(status);
    }
}
