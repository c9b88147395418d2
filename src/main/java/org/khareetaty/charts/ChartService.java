package org.khareetaty.charts;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;

/**
 * Builds the chart pane's charts for a filter: picks the window (the filter's dates, else the last 12 months of the
 * data), counts through a {@link ChartDataSource}, adds the stored forecast, and says how clicks filter.
 *
 * <p>Each chart that offers a choice ignores the filter's condition on its own dimension and highlights it instead
 * (the top-categories chart counts every category and marks the chosen ones), so the user can change the choice
 * on the chart that shows the alternatives. See ADR 0050.
 */
public final class ChartService {

    /** Months shown when the filter has no dates. */
    public static final int DEFAULT_MONTHS = 12;
    /** Most areas the comparison draws; beyond that, the largest (e.g. census tracts). */
    public static final int MAX_AREAS = 30;

    private final ChartDataSource data;
    private final ChartCatalog catalog;
    private final ForecastReader forecasts;
    private final Clock clock;

    public ChartService(ChartDataSource data, ChartCatalog catalog, ForecastReader forecasts, Clock clock) {
        this.data = data;
        this.catalog = catalog;
        this.forecasts = forecasts;
        this.clock = clock;
    }

    public ChartCatalog catalog() {
        return catalog;
    }

    /** Reads what all charts of one redraw share; cheap (indexed MIN/MAX and small tables). */
    public ChartContext context() {
        return new ChartContext(catalog.dataExtent(), catalog.categories(), catalog.areaKinds());
    }

    /**
     * The dates charts cover: the filter's own, with a missing end taken from the data, and without dates the last
     * {@value #DEFAULT_MONTHS} months of the data (of today when nothing is loaded).
     */
    public DateWindow window(IncidentFilter filter, ChartContext context) {
        LocalDate dataEnd = context.dataExtent().map(DateWindow::to).orElse(LocalDate.now(clock));
        if (filter.from() != null && filter.to() != null) {
            return new DateWindow(filter.from(), filter.to());
        }
        if (filter.from() != null) {
            return new DateWindow(filter.from(), dataEnd.isBefore(filter.from()) ? filter.from() : dataEnd);
        }
        return DateWindow.monthsEndingOn(filter.to() != null ? filter.to() : dataEnd, DEFAULT_MONTHS);
    }

    public IncidentChart build(ChartKind kind, IncidentFilter filter, ChartOptions options, TaskContext task) {
        return build(kind, filter, options, context(), task);
    }

    public IncidentChart build(ChartKind kind, IncidentFilter filter, ChartOptions options, ChartContext context,
            TaskContext task) {
        DateWindow window = window(filter, context);
        return switch (kind) {
            case TIMELINE -> timeline(filter, options, context, window, task);
            case CATEGORIES_OVER_TIME -> categoriesOverTime(filter, options, context, window, task);
            case HOUR_WEEKDAY -> hourWeekday(filter, context, window, task);
            case AREAS -> areas(filter, options, context, window, task);
            case TOP_CATEGORIES -> topCategories(filter, options, context, window, task);
        };
    }

    private IncidentChart timeline(IncidentFilter filter, ChartOptions options, ChartContext context,
            DateWindow window, TaskContext task) {
        TimeGranularity granularity = granularity(options, window);
        TimeCounts counts = data.countsOverTime(filter, window, granularity, task);
        ForecastReader.Lookup lookup = forecasts.find(filter, context.categories(), granularity);
        ForecastSeries shown = null;
        String note = lookup.reason();
        if (lookup.forecast().isPresent()) {
            ForecastSeries forecast = lookup.forecast().get();
            if (forecast.period() != granularity) {
                note = "The stored forecast is by " + forecast.period().label().toLowerCase(java.util.Locale.ROOT)
                        + "; choose that to see it.";
            } else {
                shown = visiblePart(forecast, window, granularity);
                note = shown == null ? "The stored forecast covers other dates than this chart."
                        : "Forecast made " + forecast.madeAt().toString().substring(0, 10) + " (" + forecast.seriesKey()
                                + ")";
            }
        }
        JFreeChart chart = IncidentCharts.timeline(counts, shown, subtitle(window, filter, context));
        return new IncidentChart(ChartKind.TIMELINE, chart, window, counts, note, (entity, current, extend) -> {
            if (entity instanceof XYItemEntity item && item.getDataset() == chart.getXYPlot().getDataset(0)) {
                // Partial buckets are a second series, so the item's date, not its index, names the bucket.
                LocalDate start = LocalDate.ofEpochDay(Math.floorDiv(
                        (long) item.getDataset().getXValue(item.getSeriesIndex(), item.getItem()), 86_400_000L));
                LocalDate from = start.isBefore(window.from()) ? window.from() : start;
                LocalDate end = granularity.bucketEnd(start);
                return Optional.of(current.withDates(from, end.isAfter(window.to()) ? window.to() : end));
            }
            return Optional.empty();
        });
    }

    /** The forecast points that continue or overlap the chart; null when the forecast is elsewhere in time. */
    private static ForecastSeries visiblePart(ForecastSeries forecast, DateWindow window, TimeGranularity granularity) {
        LocalDate firstAfterChart = granularity.next(granularity.bucketStart(window.to()));
        List<ForecastSeries.Point> points = forecast.points().stream()
                .filter(point -> !point.periodStart().isBefore(window.from())).toList();
        if (points.isEmpty() || points.get(0).periodStart().isAfter(firstAfterChart)) {
            return null;
        }
        return new ForecastSeries(forecast.runId(), forecast.madeAt(), forecast.seriesKey(), forecast.period(), points);
    }

    private IncidentChart categoriesOverTime(IncidentFilter filter, ChartOptions options, ChartContext context,
            DateWindow window, TaskContext task) {
        TimeGranularity granularity = granularity(options, window);
        CategoryTimeCounts counts = data.categoriesOverTime(filter, window, granularity, options.topCategories(),
                context.categories(), task);
        JFreeChart chart = IncidentCharts.categoriesOverTime(counts, subtitle(window, filter, context));
        return new IncidentChart(ChartKind.CATEGORIES_OVER_TIME, chart, window, counts, "",
                (entity, current, extend) -> {
                    if (entity instanceof XYItemEntity item) {
                        CategoryInfo category = counts.categories().get(item.getSeriesIndex());
                        return category.isOther() ? Optional.empty()
                                : Optional.of(current.withCategories(toggle(current.categories(), category.code(),
                                        extend)));
                    }
                    return Optional.empty();
                });
    }

    private IncidentChart hourWeekday(IncidentFilter filter, ChartContext context, DateWindow window,
            TaskContext task) {
        IncidentFilter counted = filter.withHours(Set.of()).withWeekdays(Set.of());
        HourWeekdayCounts counts = data.hourWeekday(counted, window, task);
        JFreeChart chart = IncidentCharts.hourWeekday(counts, filter.hours(), filter.weekdays(),
                subtitle(window, counted, context));
        return new IncidentChart(ChartKind.HOUR_WEEKDAY, chart, window, counts, "", (entity, current, extend) -> {
            if (entity instanceof XYItemEntity item) {
                int hour = (int) item.getDataset().getXValue(item.getSeriesIndex(), item.getItem());
                DayOfWeek day = DayOfWeek.of((int) item.getDataset().getYValue(item.getSeriesIndex(), item.getItem())
                        + 1);
                if (!extend) {
                    return Optional.of(current.withHours(Set.of(hour)).withWeekdays(Set.of(day)));
                }
                Set<Integer> hours = new HashSet<>(current.hours());
                hours.add(hour);
                Set<DayOfWeek> days = new HashSet<>(current.weekdays());
                days.add(day);
                return Optional.of(current.withHours(hours).withWeekdays(days));
            }
            return Optional.empty();
        });
    }

    private IncidentChart areas(IncidentFilter filter, ChartOptions options, ChartContext context, DateWindow window,
            TaskContext task) {
        String kind = options.areaKind() != null && context.areaKinds().containsKey(options.areaKind())
                ? options.areaKind() : catalog.defaultAreaKind().orElse(null);
        List<AreaInfo> all = kind == null ? List.of() : catalog.areas(kind);
        Set<UUID> ofKind = all.stream().map(AreaInfo::id).collect(Collectors.toSet());
        Set<UUID> selected = filter.areas().stream().filter(ofKind::contains).collect(Collectors.toSet());
        Set<UUID> otherKinds = filter.areas().stream().filter(id -> !ofKind.contains(id)).collect(Collectors.toSet());
        IncidentFilter counted = filter.withAreas(otherKinds);
        List<AreaComparison.AreaCounts> rows = new ArrayList<>(data.areaCounts(counted, window, all, task));
        rows.sort(Comparator.comparingLong(AreaComparison.AreaCounts::current).reversed()
                .thenComparing(row -> row.area().code()));
        List<AreaComparison.AreaCounts> shown = new ArrayList<>(rows.subList(0, Math.min(MAX_AREAS, rows.size())));
        rows.stream().skip(MAX_AREAS).filter(row -> selected.contains(row.area().id())).forEach(shown::add);
        AreaComparison comparison = new AreaComparison(kind == null ? "" : kind, window, shown, all.size());
        List<String> notes = new ArrayList<>();
        if (kind == null) {
            notes.add("No areas are loaded; import boundaries to compare areas.");
        } else if (all.size() > shown.size()) {
            notes.add("The " + shown.size() + " areas with most incidents of " + all.size() + " " + kind + " areas.");
        }
        if (options.areaMeasure() == AreaMeasure.RATE) {
            long withoutPopulation = shown.stream().filter(row -> row.ratePer100k() == null).count();
            if (withoutPopulation > 0) {
                notes.add(withoutPopulation + " areas have no population and are left out.");
            }
        }
        JFreeChart chart = IncidentCharts.areas(comparison, options.areaMeasure(), selected,
                subtitle(window, counted, context) + " · compared with " + range(window.previous()) + " and "
                        + range(window.yearEarlier()));
        return new IncidentChart(ChartKind.AREAS, chart, window, comparison, String.join(" ", notes),
                (entity, current, extend) -> {
                    if (entity instanceof CategoryItemEntity item
                            && item.getColumnKey() instanceof IncidentCharts.AreaKey key) {
                        // Areas of other kinds (e.g. a tract chosen on the map) stay; this kind's choice changes.
                        Set<UUID> areas = current.areas().stream().filter(id -> !ofKind.contains(id))
                                .collect(Collectors.toCollection(HashSet::new));
                        Set<UUID> sameKind = current.areas().stream().filter(ofKind::contains)
                                .collect(Collectors.toSet());
                        areas.addAll(toggle(sameKind, key.area().id(), extend));
                        return Optional.of(current.withAreas(areas));
                    }
                    return Optional.empty();
                });
    }

    private IncidentChart topCategories(IncidentFilter filter, ChartOptions options, ChartContext context,
            DateWindow window, TaskContext task) {
        IncidentFilter counted = filter.withCategories(Set.of());
        CategoryCounts counts = data.topCategories(counted, window, options.topCategories(), context.categories(), task);
        JFreeChart chart = IncidentCharts.topCategories(counts, filter.categories(),
                subtitle(window, counted, context));
        return new IncidentChart(ChartKind.TOP_CATEGORIES, chart, window, counts, "", (entity, current, extend) -> {
            if (entity instanceof CategoryItemEntity item
                    && item.getColumnKey() instanceof IncidentCharts.CategoryKey key) {
                return Optional.of(current.withCategories(toggle(current.categories(), key.category().code(), extend)));
            }
            return Optional.empty();
        });
    }

    private static TimeGranularity granularity(ChartOptions options, DateWindow window) {
        return options.granularity() != null ? options.granularity() : TimeGranularity.automatic(window);
    }

    /** Replaces the choice with the value, or (extend) adds it, or removes it when it was already chosen. */
    private static <T> Set<T> toggle(Set<T> current, T value, boolean extend) {
        if (!extend) {
            return Set.of(value);
        }
        Set<T> result = new HashSet<>(current);
        if (!result.remove(value)) {
            result.add(value);
        }
        return result;
    }

    /** The filter in words, e.g. "Theft, Robbery · District 12 · Mon, Tue · hours 08, 09". Empty for no filter. */
    public String describe(IncidentFilter filter, ChartContext context) {
        String dates = filter.from() == null && filter.to() == null ? ""
                : range(window(filter, context));
        String conditions = FilterDescription.of(filter, context.categories(), catalog.areas(filter.areas()));
        return dates.isEmpty() || conditions.isEmpty() ? dates + conditions : dates + " · " + conditions;
    }

    private String subtitle(DateWindow window, IncidentFilter filter, ChartContext context) {
        String dates = range(window) + (filter.from() == null && filter.to() == null
                ? " (last " + DEFAULT_MONTHS + " months of the data)" : "");
        String conditions = FilterDescription.of(filter, context.categories(), catalog.areas(filter.areas()));
        return conditions.isEmpty() ? dates : dates + " · " + conditions;
    }

    private static String range(DateWindow window) {
        return IncidentCharts.SHORT_DAY.format(window.from()) + " – " + IncidentCharts.SHORT_DAY.format(window.to());
    }
}
