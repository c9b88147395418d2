package org.khareetaty.analysis.forecast.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.khareetaty.TestData;
import org.khareetaty.analysis.forecast.CountBacktest;
import org.khareetaty.analysis.forecast.CountSeries;
import org.khareetaty.analysis.forecast.CountSeriesBuilder;
import org.khareetaty.analysis.forecast.DailyCountModel;
import org.khareetaty.analysis.forecast.GridEvents;
import org.khareetaty.analysis.forecast.HolidayCalendar;
import org.khareetaty.analysis.forecast.HotspotBacktest;
import org.khareetaty.analysis.forecast.HotspotModel;
import org.khareetaty.analysis.forecast.MethodScore;
import org.khareetaty.analysis.forecast.RiskGrid;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.IncidentSnapshot;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The benchmark protocol on the real Philadelphia data, without a database (the CLI runs the same
 * code on an imported data folder). Usage:
 * {@code java -cp target/classes:target/test-classes:CP org.khareetaty.analysis.forecast.bench.ForecastBench [counts|hotspots|all] [year]}
 */
public final class ForecastBench {

    private ForecastBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "all";
        int year = args.length > 1 ? Integer.parseInt(args[1]) : 2025;
        Path folder = args.length > 2 ? Path.of(args[2]) : TestData.sharedData().resolve("philadelphia");
        long t0 = System.nanoTime();
        PhiladelphiaSnapshot.Data data = PhiladelphiaSnapshot.load(folder);
        System.out.printf("Loaded %,d incidents in %d ms%n", data.snapshot().size(), (System.nanoTime() - t0) / 1_000_000);
        if (!mode.equals("hotspots")) {
            counts(data.snapshot(), year, DailyCountModel.Parameters.DEFAULT);
        }
        if (!mode.equals("counts")) {
            hotspots(data, year, HotspotModel.Parameters.DEFAULT);
        }
    }

    static void counts(IncidentSnapshot snapshot, int year, DailyCountModel.Parameters parameters) {
        long t0 = System.nanoTime();
        CountSeries series = CountSeriesBuilder.build(snapshot, IncidentFilter.ALL, "district", null, Map.of(),
                LocalDate.of(2016, 1, 1), LocalDate.of(year, 12, 31), 365);
        long t1 = System.nanoTime();
        List<LocalDate> origins = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            origins.add(LocalDate.of(year, m, 1));
        }
        long cpu0 = processCpuMillis();
        CountBacktest backtest = new CountBacktest(new DailyCountModel(parameters, HolidayCalendar.parse("include us")));
        List<MethodScore> scores = backtest.run(series, origins, new int[] {7, 28}, 730, TaskContext.NONE).overall();
        long t2 = System.nanoTime();
        System.out.printf("Counts %d: %d series x %d origins; matrix %d ms, backtest %d ms (process CPU %d ms)%n", year,
                series.series().size(), origins.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                processCpuMillis() - cpu0);
        for (MethodScore s : scores) {
            System.out.printf("  %-15s h=%2d MASE %.4f MAE %.3f cov80 %s cov90 %s cov95 %s%n", s.method(), s.horizon(),
                    s.mase(), s.mae(), s.coverage80(), s.coverage90(), s.coverage95());
        }
    }

    /** CPU time of this process on all cores, to read beside wall time on a shared machine. */
    static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    static void hotspots(PhiladelphiaSnapshot.Data data, int year, HotspotModel.Parameters parameters) {
        long t0 = System.nanoTime();
        Geometry region = UnaryUnionOp.union(data.districts());
        RiskGrid grid = RiskGrid.over(region, 150);
        IncidentSnapshot snapshot = data.snapshot();
        int[] rows = snapshot.matchingLocated(IncidentFilter.ALL);
        int[] days = new int[rows.length];
        int[] cells = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            days[i] = snapshot.localEpochDay(rows[i]);
            cells[i] = grid.cellOf(snapshot.lon(rows[i]), snapshot.lat(rows[i]));
        }
        GridEvents events = GridEvents.of(days, cells, rows.length);
        long t1 = System.nanoTime();
        long cpu0 = processCpuMillis();
        List<HotspotBacktest.Score> scores = new HotspotBacktest(new HotspotModel(parameters)).run(grid, events,
                (int) LocalDate.of(year, 1, 1).toEpochDay(), 52, new double[] {1, 5, 10}, TaskContext.NONE);
        long t2 = System.nanoTime();
        System.out.printf("Hotspots %d: %d cells inside, %,d events; grid %d ms, backtest %d ms (process CPU %d ms)%n",
                year, grid.insideCount(), events.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                processCpuMillis() - cpu0);
        for (HotspotBacktest.Score s : scores) {
            System.out.printf("  %-17s %4.0f%% PAI %.3f PEI* %.3f hit rate %.3f (%d weeks)%n", s.method(),
                    s.coveragePercent(), s.pai(), s.pei(), s.hitRate(), s.weeks());
        }
    }
}
