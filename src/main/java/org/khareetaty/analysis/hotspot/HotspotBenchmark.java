package org.khareetaty.analysis.hotspot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.IncidentSnapshot;
import org.khareetaty.store.IncidentSnapshots;

/**
 * Times the hotspot algorithms on the data folder's incidents: the median of several runs of the
 * computation alone (points already in memory and projected), with loading and projection timed apart.
 */
public final class HotspotBenchmark {

    /** One measured computation. */
    public record Measurement(String name, String window, int points, long medianMs, long[] runsMs, String result) {
    }

    private final IncidentSnapshots snapshots;

    public HotspotBenchmark(IncidentSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** Runs every measurement; {@code year} is the one-year window, the whole data is the other. */
    public Map<String, Object> run(int year, int repeat, TaskContext context) {
        Map<String, Object> report = new LinkedHashMap<>();
        long started = System.nanoTime();
        IncidentSnapshot snapshot = snapshots.current(context);
        report.put("snapshotLoadMs", (System.nanoTime() - started) / 1_000_000);
        report.put("incidents", snapshot.size());
        report.put("processors", Runtime.getRuntime().availableProcessors());
        report.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        List<Measurement> measurements = new ArrayList<>();
        IncidentFilter oneYear = IncidentFilter.ALL.withDates(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        for (IncidentFilter filter : List.of(oneYear, IncidentFilter.ALL)) {
            String window = filter == IncidentFilter.ALL ? "all data" : Integer.toString(year);
            HotspotPoints[] holder = new HotspotPoints[1];
            measurements.add(measure("filter and project", window, repeat, () -> {
                holder[0] = HotspotPoints.select(snapshot, filter);
                return holder[0].projection().displayName();
            }, () -> holder[0].size()));
            HotspotPoints points = holder[0];
            double[] x = points.projected().x();
            double[] y = points.projected().y();
            measurements.add(measure("DBSCAN eps 150 m, minPts 25", window, repeat, () -> {
                Dbscan.Result r = Dbscan.run(x, y, 150, 25, context);
                return String.format("%d clusters, %,d noise, %,d core", r.clusterCount(), r.noiseCount(), r.coreCount());
            }, points::size));
            if (filter != IncidentFilter.ALL) {
                measurements.add(measure("Gaussian KDE bandwidth 200 m, 100 m cells", window, repeat, () -> {
                    GridSurface grid = GridSurface.covering("density", points.projection(), points.extent(), 100, "bench");
                    KernelDensity.accumulate(x, y, KernelDensity.Kernel.GAUSSIAN, 200, 1e6, grid, context);
                    return String.format("%,d cells (%d × %d)", grid.values().length, grid.columns(), grid.rows());
                }, points::size));
                measurements.add(measure("Gi* 150 m cells with FDR and outlines", window, repeat, () -> {
                    GiStarAnalysis.Outcome outcome = GiStarAnalysis.onGrid(points, HotspotParameters.GiStar.grid(150), context);
                    return String.format("%,d cells, %d hot/cold spots", outcome.units(), outcome.hotspots().size());
                }, points::size));
            }
        }
        report.put("measurements", measurements);
        Runtime runtime = Runtime.getRuntime();
        report.put("heapUsedAfterMb", (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
        return report;
    }

    private static Measurement measure(String name, String window, int repeat, Supplier<String> work,
            Supplier<Integer> points) {
        long[] runs = new long[repeat];
        String result = null;
        for (int r = 0; r < repeat; r++) {
            long start = System.nanoTime();
            result = work.get();
            runs[r] = (System.nanoTime() - start) / 1_000_000;
        }
        long[] sorted = runs.clone();
        Arrays.sort(sorted);
        return new Measurement(name, window, points.get(), sorted[repeat / 2], runs, result);
    }
}
