package org.khareetaty.pipeline;

import org.khareetaty.common.TaskContext;

/** One step of the daily pipeline; a step that throws is recorded as failed and the independent ones still run. */
public interface PipelineStep {

    /** Short name shown in the status pane and in the run log, e.g. "import". */
    String name();

    /** Runs the step and says what it did in one sentence, or {@link StepResult#skipped} when there was nothing to do. */
    StepResult run(PipelineContext context, TaskContext task) throws Exception;
}
