package org.khareetaty.pipeline;

import java.util.Map;
import org.khareetaty.analysis.forecast.CountSeriesBuilder;
import org.khareetaty.analysis.forecast.ForecastRun;
import org.khareetaty.analysis.forecast.ForecastService;
import org.khareetaty.analysis.forecast.ForecastStore;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.store.IncidentSnapshots;

/** Refreshes the count forecasts when new incidents arrived (or none has been made yet). */
public final class ForecastStep implements PipelineStep {

    private final ForecastService forecasts;
    private final IncidentSnapshots snapshots;
    private final Settings settings;

    public ForecastStep(ForecastService forecasts, IncidentSnapshots snapshots, Settings settings) {
        this.forecasts = forecasts;
        this.snapshots = snapshots;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "forecast";
    }

    @Override
    public StepResult run(PipelineContext context, TaskContext task) {
        if (snapshots.current(task).size() == 0) {
            return StepResult.skipped("no incidents to forecast");
        }
        String configured = settings.get(PipelineSettings.FORECAST_BY);
        // Before boundary layers are imported there are no areas to forecast by; the agency total still helps.
        String by = forecasts.seriesKinds(task).contains(configured) ? configured : CountSeriesBuilder.AGENCY;
        boolean haveOne = !forecasts.store().runs(ForecastStore.KIND_FORECAST, 1).isEmpty();
        if (context.newIncidents() == 0 && haveOne) {
            return StepResult.skipped("no new incidents since the last forecast");
        }
        ForecastRun run = forecasts.forecast(new ForecastService.Request(by, null,
                settings.get(PipelineSettings.FORECAST_HORIZON), null), task);
        return StepResult.ok(run.series().size() + " series (" + by + ") forecast " + run.horizonDays() + " days from " + run.origin(),
                Map.of("runId", run.runId().toString(), "series", run.series().size()));
    }
}
