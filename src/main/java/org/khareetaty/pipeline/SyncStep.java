package org.khareetaty.pipeline;

import java.util.Map;
import org.khareetaty.common.TaskContext;
import org.khareetaty.sync.SyncReport;
import org.khareetaty.sync.SyncService;

/** Syncs with the central server when sync is enabled. */
public final class SyncStep implements PipelineStep {

    private final SyncService sync;

    public SyncStep(SyncService sync) {
        this.sync = sync;
    }

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public StepResult run(PipelineContext context, TaskContext task) {
        if (!sync.enabled()) {
            return StepResult.skipped("sync is not enabled");
        }
        SyncReport report = sync.sync(context.principal(), task);
        return StepResult.ok(report.pushedChanges() + " changes pushed, " + report.pulledChanges() + " pulled, "
                + report.conflicts().size() + " conflicts resolved", Map.of("pushed", report.pushedChanges(),
                "pulled", report.pulledChanges(), "pendingAfter", report.pendingAfter()));
    }
}
