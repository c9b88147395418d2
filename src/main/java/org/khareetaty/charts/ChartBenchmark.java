package org.khareetaty.charts;

import java.awt.image.BufferedImage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;

/**
 * Measures what the chart pane does after a filter change: all five charts counted and built in parallel on the
 * application's background executor, each then drawn offscreen at pane size. The 20 filter changes are fixed, derived
 * from the data (its dates, largest categories and the agency's areas) so runs on the same data are comparable.
 */
public final class ChartBenchmark {

    /** Chart size drawn per redraw: one cell of the pane's grid on a 1400 × 900 window. */
    public static final int WIDTH = 420;
    public static final int HEIGHT = 380;

    /** One filter change: what it set and how long each chart and the whole redraw took. */
    public record Step(String change, long totalMillis, Map<ChartKind, Long> chartMillis) {
    }

    /** The warm-up (first snapshot load) and the timed steps, with the median and maximum redraw. */
    public record Result(long snapshotLoadMillis, List<Step> steps, long medianMillis, long maxMillis,
            Map<ChartKind, Long> medianChartMillis) {
    }

    private final ChartService charts;
    private final BackgroundTasks tasks;

    public ChartBenchmark(ChartService charts, BackgroundTasks tasks) {
        this.charts = charts;
        this.tasks = tasks;
    }

    public Result run(TaskContext context) throws Exception {
        long loadStart = System.nanoTime();
        ChartContext first = charts.context();
        for (ChartKind kind : ChartKind.values()) {
            charts.build(kind, IncidentFilter.ALL, ChartOptions.DEFAULTS, first, context);
        }
        long load = millisSince(loadStart);
        List<Map.Entry<String, IncidentFilter>> changes = changes(first);
        // Warm the JIT on the whole sequence once, as an analyst's session would have.
        for (Map.Entry<String, IncidentFilter> change : changes) {
            redraw(change.getValue());
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            context.checkCancelled();
            context.progress(i, changes.size(), "Filter change " + (i + 1));
            Map.Entry<String, IncidentFilter> change = changes.get(i);
            long start = System.nanoTime();
            Map<ChartKind, Long> perChart = redraw(change.getValue());
            steps.add(new Step(change.getKey(), millisSince(start), perChart));
        }
        long[] totals = steps.stream().mapToLong(Step::totalMillis).sorted().toArray();
        Map<ChartKind, Long> medians = new EnumMap<>(ChartKind.class);
        for (ChartKind kind : ChartKind.values()) {
            medians.put(kind, median(steps.stream().mapToLong(step -> step.chartMillis().get(kind)).sorted().toArray()));
        }
        return new Result(load, steps, median(totals), totals[totals.length - 1], medians);
    }

    /** All five charts as the pane redraws them: in parallel, each counted, built and drawn. */
    private Map<ChartKind, Long> redraw(IncidentFilter filter) throws Exception {
        long start = System.nanoTime();
        ChartContext context = charts.context();
        Map<ChartKind, CompletableFuture<Long>> running = new EnumMap<>(ChartKind.class);
        for (ChartKind kind : ChartKind.values()) {
            running.put(kind, tasks.submit("Benchmark " + kind.cliName(), task -> {
                IncidentChart chart = charts.build(kind, filter, ChartOptions.DEFAULTS, context, task);
                BufferedImage image = ChartExport.toImage(chart.chart(), WIDTH, HEIGHT);
                image.flush();
                return millisSince(start);
            }).result());
        }
        Map<ChartKind, Long> done = new EnumMap<>(ChartKind.class);
        for (Map.Entry<ChartKind, CompletableFuture<Long>> entry : running.entrySet()) {
            done.put(entry.getKey(), entry.getValue().get());
        }
        return done;
    }

    /** The fixed sequence of 20 filter changes, built from what the data holds. */
    List<Map.Entry<String, IncidentFilter>> changes(ChartContext context) {
        DateWindow extent = context.dataExtent().orElseThrow(() ->
                new IllegalStateException("No incidents are loaded; import data before benchmarking charts"));
        CategoryCounts top = (CategoryCounts) charts.build(ChartKind.TOP_CATEGORIES, IncidentFilter.ALL,
                ChartOptions.DEFAULTS, context, TaskContext.NONE).data();
        List<String> categories = top.top().stream().map(count -> count.category().code()).toList();
        AreaComparison areas = (AreaComparison) charts.build(ChartKind.AREAS, IncidentFilter.ALL,
                ChartOptions.DEFAULTS, context, TaskContext.NONE).data();
        List<java.util.UUID> areaIds = areas.rows().stream().map(row -> row.area().id()).toList();
        LocalDate last = extent.to();
        LocalDate firstOfLastYear = last.minusYears(1).withDayOfMonth(1);
        List<Map.Entry<String, IncidentFilter>> changes = new ArrayList<>();
        IncidentFilter all = IncidentFilter.ALL;
        changes.add(Map.entry("largest category", all.withCategories(Set.of(category(categories, 0)))));
        changes.add(Map.entry("two largest categories", all.withCategories(Set.of(category(categories, 0),
                category(categories, 1)))));
        changes.add(Map.entry("largest area", all.withAreas(Set.copyOf(areaIds.subList(0, Math.min(1, areaIds.size()))))));
        changes.add(Map.entry("second area and third category", all.withAreas(Set.copyOf(areaIds.subList(
                Math.min(1, areaIds.size()), Math.min(2, areaIds.size())))).withCategories(Set.of(category(categories, 2)))));
        changes.add(Map.entry("Friday 17:00", all.withHours(Set.of(17)).withWeekdays(Set.of(DayOfWeek.FRIDAY))));
        changes.add(Map.entry("hours 0-5", all.withHours(Set.of(0, 1, 2, 3, 4, 5))));
        changes.add(Map.entry("weekends", all.withWeekdays(Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))));
        changes.add(Map.entry("last 3 months", all.withDates(last.minusMonths(3).plusDays(1), last)));
        changes.add(Map.entry("one month a year earlier", all.withDates(firstOfLastYear,
                firstOfLastYear.plusMonths(1).minusDays(1))));
        changes.add(Map.entry("all dates", all.withDates(extent.from(), extent.to())));
        LocalDate yearStart = extent.from().plusYears(4).withDayOfYear(1);
        changes.add(Map.entry("one whole year", all.withDates(yearStart, yearStart.plusYears(1).minusDays(1))));
        changes.add(Map.entry("that year, largest category", all.withDates(yearStart, yearStart.plusYears(1).minusDays(1))
                .withCategories(Set.of(category(categories, 0)))));
        changes.add(Map.entry("last 30 days in the sixth area", all.withDates(last.minusDays(29), last)
                .withAreas(Set.copyOf(areaIds.subList(Math.min(5, areaIds.size()), Math.min(6, areaIds.size()))))));
        changes.add(Map.entry("map selection (centre)", all.withSelection(CENTRE)));
        changes.add(Map.entry("map selection and category", all.withSelection(CENTRE)
                .withCategories(Set.of(category(categories, 1)))));
        changes.add(Map.entry("cleared", all));
        changes.add(Map.entry("last 12 months, largest area", all.withDates(last.minusYears(1).plusDays(1), last)
                .withAreas(Set.copyOf(areaIds.subList(0, Math.min(1, areaIds.size()))))));
        changes.add(Map.entry("Monday 08:00", all.withHours(Set.of(8)).withWeekdays(Set.of(DayOfWeek.MONDAY))));
        changes.add(Map.entry("four largest categories", all.withCategories(Set.copyOf(categories.subList(0,
                Math.min(4, categories.size()))))));
        changes.add(Map.entry("cleared again", all));
        return changes;
    }

    /** Centre City Philadelphia (the benchmark data); on other data the box simply matches fewer incidents. */
    private static final IncidentFilter.BoundingBox CENTRE = new IncidentFilter.BoundingBox(-75.20, 39.93, -75.13, 39.98);

    private static String category(List<String> categories, int index) {
        return categories.isEmpty() ? "" : categories.get(Math.min(index, categories.size() - 1));
    }

    private static long median(long[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

}
