package org.khareetaty.analysis.hotspot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.khareetaty.analysis.hotspot.HotspotBuilder.BuiltHotspot;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.events.DataEvents;
import org.khareetaty.store.IncidentSnapshot;
import org.khareetaty.store.IncidentSnapshots;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the hotspot analyses on the in-memory incident snapshot and stores each run with its provenance.
 * Every method is meant for a background task: it reports progress and stops at safe points on cancel.
 */
public final class HotspotService {

    private static final Logger LOG = LoggerFactory.getLogger(HotspotService.class);

    private final IncidentSnapshots snapshots;
    private final HotspotRunRepository runs;
    private final AreaBoundaries areas;
    private final Clock clock;
    private final String appVersion;
    private final DataEvents events;

    public HotspotService(IncidentSnapshots snapshots, HotspotRunRepository runs, AreaBoundaries areas, Clock clock,
            String appVersion, DataEvents events) {
        this.events = events;
        this.snapshots = snapshots;
        this.runs = runs;
        this.areas = areas;
        this.clock = clock;
        this.appVersion = appVersion;
    }

    public HotspotRunRepository runs() {
        return runs;
    }

    /** Milliseconds spent in each stage of a run. Compute excludes loading, projecting, outlining and saving. */
    public record Timing(long loadMs, long selectMs, long computeMs, long outlineMs, long saveMs) {
    }

    /** A finished run: what was stored (or would have been), its hotspots and grids, and timings. */
    public record Outcome(HotspotRun run, List<Hotspot> hotspots, List<GridSurface> grids, Timing timing, boolean saved) {
    }

    public Outcome dbscan(IncidentFilter filter, HotspotParameters.Dbscan parameters, boolean save, String username,
            TaskContext context) {
        Stopwatch watch = new Stopwatch();
        IncidentSnapshot snapshot = snapshots.current(context);
        long load = watch.lap();
        HotspotPoints points = HotspotPoints.select(snapshot, filter);
        long select = watch.lap();
        Dbscan.Result result = Dbscan.run(points.projected().x(), points.projected().y(), parameters.epsMetres(),
                parameters.minPoints(), context);
        long compute = watch.lap();
        List<BuiltHotspot> hotspots = HotspotBuilder.fromClusters(points, result, parameters.epsMetres(), context);
        long outline = watch.lap();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("clusters", result.clusterCount());
        summary.put("noise", result.noiseCount());
        summary.put("corePoints", result.coreCount());
        summary.put("computeMs", compute);
        return finish(RunKind.DBSCAN, parameters.asMap(), points, summary, hotspots, List.of(), save, username, watch,
                new long[] {load, select, compute, outline}, context);
    }

    public Outcome kernelDensity(IncidentFilter filter, HotspotParameters.Kde parameters, boolean save, String username,
            TaskContext context) {
        Stopwatch watch = new Stopwatch();
        IncidentSnapshot snapshot = snapshots.current(context);
        long load = watch.lap();
        HotspotPoints points = HotspotPoints.select(snapshot, filter);
        long select = watch.lap();
        double periods = parameters.period().periodsIn(points.days());
        GridSurface density = GridSurface.covering("density", points.projection(), points.extent(),
                parameters.cellMetres(), parameters.period().unitLabel());
        KernelDensity.accumulate(points.projected().x(), points.projected().y(), parameters.kernel(),
                parameters.bandwidthMetres(), 1e6 / periods, density, context);
        long compute = watch.lap();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("cells", density.values().length);
        summary.put("columns", density.columns());
        summary.put("rows", density.rows());
        summary.put("maxDensity", density.max());
        summary.put("unit", density.unit());
        summary.put("periods", periods);
        if (parameters.kernel() == KernelDensity.Kernel.GAUSSIAN) {
            summary.put("truncationRadiusMetres", KernelDensity.gaussianCutoff(points.size(), parameters.bandwidthMetres()));
        }
        summary.put("computeMs", compute);
        return finish(RunKind.KDE, parameters.asMap(), points, summary, List.of(), List.of(density), save, username,
                watch, new long[] {load, select, compute, 0}, context);
    }

    public Outcome giStar(IncidentFilter filter, HotspotParameters.GiStar parameters, boolean save, String username,
            TaskContext context) {
        Stopwatch watch = new Stopwatch();
        IncidentSnapshot snapshot = snapshots.current(context);
        long load = watch.lap();
        HotspotPoints points = HotspotPoints.select(snapshot, filter);
        long select = watch.lap();
        GiStarAnalysis.Outcome outcome;
        if (parameters.areaKind() == null) {
            outcome = GiStarAnalysis.onGrid(points, parameters, context);
        } else {
            Map<UUID, Geometry> boundaries = areas.boundaries(parameters.areaKind());
            outcome = GiStarAnalysis.onAreas(points, parameters.areaKind(), boundaries, context);
        }
        long compute = watch.lap();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("units", outcome.units());
        for (int level : new int[] {99, 95, 90, -90, -95, -99}) {
            summary.put((level > 0 ? "hot" : "cold") + Math.abs(level), outcome.result().count(level));
        }
        summary.put("computeMs", compute);
        return finish(RunKind.GISTAR, parameters.asMap(), points, summary, outcome.hotspots(), outcome.grids(), save,
                username, watch, new long[] {load, select, compute, 0}, context);
    }

    private Outcome finish(RunKind kind, Map<String, Object> parameters, HotspotPoints points,
            Map<String, Object> summary, List<BuiltHotspot> hotspots, List<GridSurface> grids, boolean save,
            String username, Stopwatch watch, long[] stages, TaskContext context) {
        summary.put("hotspots", hotspots.size());
        summary.put("outliers", points.outliers());
        long[] range = occurredRange(points);
        HotspotRun run = new HotspotRun(UUID.randomUUID(), kind, parameters, points.filter(), points.dataFrom(),
                points.dataTo(), Instant.ofEpochSecond(range[0]), Instant.ofEpochSecond(range[1]), points.size(),
                points.projection().displayName(), summary, username, watch.started(), watch.totalMs(), appVersion);
        long saveMs = 0;
        if (save) {
            context.checkCancelled();
            runs.save(run, hotspots, points, grids, context);
            saveMs = watch.lap();
            events.analysisFinished(run.id(), kind.name());
        }
        LOG.info("{} on {} incidents: {} (save {} ms)", kind, points.size(), summary, saveMs);
        List<Hotspot> list = new ArrayList<>(hotspots.size());
        hotspots.forEach(h -> list.add(h.hotspot()));
        return new Outcome(run, list, grids, new Timing(stages[0], stages[1], stages[2], stages[3], saveMs), save);
    }

    private static long[] occurredRange(HotspotPoints points) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int row : points.rows()) {
            long t = points.snapshot().occurredEpochSecond(row);
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        return new long[] {first, last};
    }

    /** Distances to each point's k-th nearest neighbour for choosing eps (see {@link KDistance}). */
    public KDistance.Curve kDistance(IncidentFilter filter, int minPoints, TaskContext context) {
        HotspotPoints points = HotspotPoints.select(snapshots.current(context), filter);
        return KDistance.curve(points.projected().x(), points.projected().y(), minPoints, KDistance.DEFAULT_SAMPLE, context);
    }

    /** Hotspots of a stored run. */
    public List<Hotspot> hotspots(UUID runId) {
        return runs.hotspots(runId);
    }

    /** Compares a run with an earlier one (see {@link RunComparison}). */
    public RunComparison compare(HotspotRun earlier, HotspotRun later) {
        return RunComparison.of(earlier, runs.hotspots(earlier.id()), later, runs.hotspots(later.id()));
    }

    /** Measures stages of a run. */
    private final class Stopwatch {
        private final Instant started = clock.instant();
        private final long start = System.nanoTime();
        private long last = start;

        long lap() {
            long now = System.nanoTime();
            long ms = (now - last) / 1_000_000;
            last = now;
            return ms;
        }

        Instant started() {
            return started;
        }

        long totalMs() {
            return (System.nanoTime() - start) / 1_000_000;
        }
    }
}
