package org.khareetaty.pipeline;

import java.util.Map;
import org.khareetaty.common.TaskContext;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.sync.SyncReport;
import org.khareetaty.sync.SyncService;

/** Syncs with the central server when sync is enabled. */
public final class SyncStep implements PipelineStep {

    private final SyncService sync;
    private final AuditLog audit;

    public SyncStep(SyncService sync, AuditLog audit) {
        this.sync = sync;
        this.audit = audit;
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
        context.principal().require(Permission.SYNC);
        SyncReport report = sync.sync(task);
        audit.record(context.principal(), "SYNC_RUN", "pipeline", AuditLog.Outcome.SUCCESS,
                report.pushedChanges() + " pushed, " + report.pulledChanges() + " pulled");
        return StepResult.ok(report.pushedChanges() + " changes pushed, " + report.pulledChanges() + " pulled, "
                + report.conflicts().size() + " conflicts resolved", Map.of("pushed", report.pushedChanges(),
                "pulled", report.pulledChanges(), "pendingAfter", report.pendingAfter()));
    }
}
