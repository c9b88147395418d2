package org.khareetaty.pipeline;

import java.util.Map;
import org.khareetaty.analysis.hotspot.HotspotParameters;
import org.khareetaty.analysis.hotspot.HotspotService;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.SettingKey;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.store.IncidentSnapshot;
import org.khareetaty.store.IncidentSnapshots;

/**
 * Runs the configured DBSCAN hotspot analysis over the last N days when new incidents arrived, and stores
 * the run, so alerts can compare it with the previous one (new or growing hotspots).
 */
public final class HotspotStep implements PipelineStep {

    public static final SettingKey<Double> EPS_METRES = SettingKey.decimal("pipeline.hotspots.epsMetres", 150, 10, 5_000);
    public static final SettingKey<Integer> MIN_POINTS = SettingKey.integer("pipeline.hotspots.minPoints", 25, 2, 10_000);
    public static final SettingKey<Integer> WINDOW_DAYS = SettingKey.integer("pipeline.hotspots.windowDays", 90, 7, 3_650);

    private final HotspotService hotspots;
    private final IncidentSnapshots snapshots;
    private final Settings settings;

    public HotspotStep(HotspotService hotspots, IncidentSnapshots snapshots, Settings settings) {
        this.hotspots = hotspots;
        this.snapshots = snapshots;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "hotspots";
    }

    @Override
    public StepResult run(PipelineContext context, TaskContext task) {
        IncidentSnapshot snapshot = snapshots.current(task);
        if (snapshot.size() == 0) {
            return StepResult.skipped("no incidents to analyse");
        }
        if (context.newIncidents() == 0 && !hotspots.runs().list().isEmpty()) {
            return StepResult.skipped("no new incidents since the last hotspot run");
        }
        // The window ends at the newest incident, not today: exports often lag by days.
        IncidentFilter window = IncidentFilter.ALL.withDates(snapshot.lastDay().minusDays(settings.get(WINDOW_DAYS) - 1L),
                snapshot.lastDay());
        HotspotService.Outcome outcome = hotspots.dbscan(window,
                new HotspotParameters.Dbscan(settings.get(EPS_METRES), settings.get(MIN_POINTS)), true,
                context.principal().username(), task);
        return StepResult.ok(outcome.hotspots().size() + " hotspots from " + window.from() + " to " + window.to(),
                Map.of("runId", outcome.run().id().toString(), "hotspots", outcome.hotspots().size()));
    }
}
