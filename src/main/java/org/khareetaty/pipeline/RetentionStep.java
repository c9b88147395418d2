package org.khareetaty.pipeline;

import java.util.Map;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.security.DataRetention;

/** Applies the data-retention policy (purge incidents older than the configured number of years). */
public final class RetentionStep implements PipelineStep {

    private final DataRetention retention;
    private final Settings settings;

    public RetentionStep(DataRetention retention, Settings settings) {
        this.retention = retention;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public StepResult run(PipelineContext context, TaskContext task) {
        int years = settings.get(DataRetention.KEEP_YEARS);
        if (years == 0) {
            return StepResult.skipped("no retention limit is set (incidents are kept)");
        }
        long purged = retention.purgeOlderThan(context.principal(), years, settings.get(Settings.AGENCY_ZONE));
        return purged == 0 ? StepResult.skipped("nothing older than " + years + " years")
                : StepResult.ok(purged + " incidents older than " + years + " years purged", Map.of("purged", purged));
    }
}
