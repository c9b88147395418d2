package org.khareetaty.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.khareetaty.analysis.forecast.ForecastStore;
import org.khareetaty.core.CoreServices;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.Database;

/**
 * The values each chart plots (read back from its JFreeChart dataset) equal counts computed here with plain SQL,
 * bucket by bucket, on real Philadelphia rows, for several filters and for every chart data source.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartValuesMatchSqlTest {

    @TempDir
    static Path folder;

    private CoreServices core;
    private PhiladelphiaSample sample;
    private Map<String, ChartService> services;

    @BeforeAll
    void load() throws Exception {
        core = CoreServices.open(new DataFolder(folder));
        sample = PhiladelphiaSample.load(core.database());
        Database database = core.database();
        services = new LinkedHashMap<>();
        for (Map.Entry<String, ChartDataSource> source : ChartTestSources.all(database).entrySet()) {
            services.put(source.getKey(), new ChartService(source.getValue(), new ChartCatalog(database),
                    new ForecastReader(new ForecastStore(database, core.settings())), core.clock()));
        }
    }

    @AfterAll
    void close() {
        core.close();
    }

    Stream<Arguments> cases() {
        UUID district = sample.districts.values().iterator().next();
        List<IncidentFilter> filters = List.of(
                IncidentFilter.ALL,
                IncidentFilter.ALL.withDates(LocalDate.of(2024, 3, 5), LocalDate.of(2024, 11, 20)),
                IncidentFilter.ALL.withCategories(Set.of("THEFTS", "OTHER_ASSAULTS", "FRAUD")),
                IncidentFilter.ALL.withAreas(Set.of(district)).withDates(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31)),
                IncidentFilter.ALL.withHours(Set.of(8, 9, 17)).withWeekdays(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)));
        List<Arguments> cases = new ArrayList<>();
        for (String source : services.keySet()) {
            for (IncidentFilter filter : filters) {
                for (TimeGranularity granularity : TimeGranularity.values()) {
                    cases.add(Arguments.of(source, filter, granularity));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {2} {1}")
    @MethodSource("cases")
    void timelinePlotsTheSqlCountOfEveryBucket(String source, IncidentFilter filter, TimeGranularity granularity) {
        ChartService service = services.get(source);
        IncidentChart chart = service.build(ChartKind.TIMELINE, filter, ChartOptions.DEFAULTS.withGranularity(granularity),
                TaskContext.NONE);
        DateWindow window = chart.window();
        XYDataset dataset = chart.chart().getXYPlot().getDataset(0);
        int plotted = 0;
        long plottedTotal = 0;
        for (int series = 0; series < dataset.getSeriesCount(); series++) {
            for (int item = 0; item < dataset.getItemCount(series); item++) {
                LocalDate start = dateOf(dataset.getXValue(series, item));
                boolean cut = start.isBefore(window.from()) || granularity.bucketEnd(start).isAfter(window.to());
                // series 0 is the joined line of whole buckets, series 1 the buckets the window cuts
                assertThat(series).as("%s bucket %s cut by the window", granularity, start).isEqualTo(cut ? 1 : 0);
                LocalDate from = start.isBefore(window.from()) ? window.from() : start;
                LocalDate end = granularity.bucketEnd(start).isAfter(window.to()) ? window.to()
                        : granularity.bucketEnd(start);
                long expected = sqlCount(filter.withDates(from, end), "TRUE");
                assertThat(dataset.getYValue(series, item)).as("%s bucket %s", granularity, start).isEqualTo(expected);
                plottedTotal += expected;
                plotted++;
            }
        }
        assertThat(plotted).isEqualTo(granularity.buckets(window).size());
        assertThat(plottedTotal).isEqualTo(sqlCount(filter.withDates(window.from(), window.to()), "TRUE"));
    }

    @ParameterizedTest(name = "{0} {2} {1}")
    @MethodSource("cases")
    void stackedChartPlotsTheSqlCountOfEveryCategoryAndBucket(String source, IncidentFilter filter,
            TimeGranularity granularity) {
        IncidentChart chart = services.get(source).build(ChartKind.CATEGORIES_OVER_TIME, filter,
                ChartOptions.DEFAULTS.withGranularity(granularity).withTopCategories(4), TaskContext.NONE);
        DateWindow window = chart.window();
        List<String> top = topCodes(filter.withDates(window.from(), window.to()), 4);
        CategoryTimeCounts counts = (CategoryTimeCounts) chart.data();
        XYDataset dataset = chart.chart().getXYPlot().getDataset();
        assertThat(counts.categories().stream().filter(c -> !c.isOther()).map(CategoryInfo::code)).containsExactlyElementsOf(top);
        for (int series = 0; series < dataset.getSeriesCount(); series++) {
            CategoryInfo category = counts.categories().get(series);
            assertThat(dataset.getSeriesKey(series)).isEqualTo(category.label());
            String condition = category.isOther()
                    ? "i.category_code NOT IN ('" + String.join("','", top) + "')"
                    : "i.category_code = '" + category.code() + "'";
            for (int item = 0; item < dataset.getItemCount(series); item += 3) {
                LocalDate start = dateOf(dataset.getXValue(series, item));
                LocalDate from = start.isBefore(window.from()) ? window.from() : start;
                LocalDate bucketEnd = granularity.bucketEnd(start);
                LocalDate end = bucketEnd.isAfter(window.to()) ? window.to() : bucketEnd;
                assertThat(dataset.getYValue(series, item)).as("%s %s", category.label(), start)
                        .isEqualTo(sqlCount(filter.withDates(from, end), condition));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void heatMapPlotsTheSqlCountOfEveryHourAndWeekday(String source, IncidentFilter filter, TimeGranularity unused) {
        IncidentChart chart = services.get(source).build(ChartKind.HOUR_WEEKDAY, filter, ChartOptions.DEFAULTS,
                TaskContext.NONE);
        DateWindow window = chart.window();
        XYZDataset dataset = (XYZDataset) chart.chart().getXYPlot().getDataset();
        assertThat(dataset.getItemCount(0)).isEqualTo(7 * 24);
        // The heat map ignores the filter's own hours and weekdays (it highlights them instead).
        Map<String, Long> expected = new LinkedHashMap<>();
        sql("SELECT i.local_dow, i.local_hour, COUNT(*) FROM incident i WHERE " + where(filter.withHours(Set.of())
                .withWeekdays(Set.of()).withDates(window.from(), window.to())) + " GROUP BY i.local_dow, i.local_hour",
                filter.withHours(Set.of()).withWeekdays(Set.of()).withDates(window.from(), window.to()),
                rs -> expected.put(rs.getInt(1) + "/" + rs.getInt(2), rs.getLong(3)));
        for (int item = 0; item < dataset.getItemCount(0); item++) {
            int hour = (int) dataset.getXValue(0, item);
            int dow = (int) dataset.getYValue(0, item) + 1;
            assertThat(dataset.getZValue(0, item)).as("dow %d hour %d", dow, hour)
                    .isEqualTo(expected.getOrDefault(dow + "/" + hour, 0L).doubleValue());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void areaComparisonPlotsTheSqlCountsOfTheThreePeriods(String source, IncidentFilter filter, TimeGranularity unused) {
        IncidentChart chart = services.get(source).build(ChartKind.AREAS, filter, ChartOptions.DEFAULTS,
                TaskContext.NONE);
        DateWindow window = chart.window();
        CategoryDataset dataset = ((CategoryPlot) chart.chart().getPlot()).getDataset();
        assertThat(dataset.getColumnCount()).isEqualTo(sample.districts.size());
        IncidentFilter counted = filter.withAreas(Set.of());
        List<DateWindow> windows = List.of(window, window.previous(), window.yearEarlier());
        for (int column = 0; column < dataset.getColumnCount(); column++) {
            UUID area = ((IncidentCharts.AreaKey) dataset.getColumnKey(column)).area().id();
            for (int row = 0; row < 3; row++) {
                DateWindow w = windows.get(row);
                long expected = sqlCount(counted.withDates(w.from(), w.to()),
                        "EXISTS (SELECT 1 FROM incident_area x WHERE x.incident_id = i.id AND x.area_id = '" + area + "')");
                assertThat(dataset.getValue(row, column).longValue()).as("%s row %d", area, row).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void topCategoriesPlotsTheSqlTopCounts(String source, IncidentFilter filter, TimeGranularity unused) {
        IncidentChart chart = services.get(source).build(ChartKind.TOP_CATEGORIES, filter, ChartOptions.DEFAULTS,
                TaskContext.NONE);
        DateWindow window = chart.window();
        CategoryDataset dataset = ((CategoryPlot) chart.chart().getPlot()).getDataset();
        IncidentFilter counted = filter.withCategories(Set.of()).withDates(window.from(), window.to());
        List<String> top = topCodes(counted, 8);
        assertThat(dataset.getColumnCount()).isEqualTo(top.size());
        for (int column = 0; column < top.size(); column++) {
            IncidentCharts.CategoryKey key = (IncidentCharts.CategoryKey) dataset.getColumnKey(column);
            assertThat(key.category().code()).isEqualTo(top.get(column));
            assertThat(dataset.getValue(0, column).longValue())
                    .isEqualTo(sqlCount(counted, "i.category_code = '" + top.get(column) + "'"));
        }
    }

    private static LocalDate dateOf(double millis) {
        return java.time.Instant.ofEpochMilli((long) millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Top codes by count, ties by code, computed by SQL. */
    private List<String> topCodes(IncidentFilter filter, int top) {
        List<String> codes = new ArrayList<>();
        sql("SELECT i.category_code, COUNT(*) c FROM incident i WHERE " + where(filter)
                + " GROUP BY i.category_code ORDER BY c DESC, i.category_code LIMIT " + top, filter,
                rs -> codes.add(rs.getString(1)));
        return codes;
    }

    private long sqlCount(IncidentFilter filter, String extraCondition) {
        long[] count = new long[1];
        sql("SELECT COUNT(*) FROM incident i WHERE " + where(filter) + " AND " + extraCondition, filter,
                rs -> count[0] = rs.getLong(1));
        return count[0];
    }

    /**
     * The test's own translation of a filter to SQL (it does not reuse IncidentSql, so a mistake there shows up
     * here as a mismatch). Parameters: the dates.
     */
    private static String where(IncidentFilter filter) {
        List<String> clauses = new ArrayList<>();
        clauses.add("i.local_date BETWEEN ? AND ?");
        if (!filter.categories().isEmpty()) {
            clauses.add("i.category_code IN ('" + String.join("','", filter.categories()) + "')");
        }
        if (!filter.areas().isEmpty()) {
            clauses.add("i.id IN (SELECT incident_id FROM incident_area WHERE area_id IN ('"
                    + String.join("','", filter.areas().stream().map(UUID::toString).toList()) + "'))");
        }
        if (!filter.hours().isEmpty()) {
            clauses.add("i.local_hour IN (" + String.join(",", filter.hours().stream().map(String::valueOf).toList()) + ")");
        }
        if (!filter.weekdays().isEmpty()) {
            clauses.add("i.local_dow IN (" + String.join(",", filter.weekdays().stream()
                    .map(day -> String.valueOf(day.getValue())).toList()) + ")");
        }
        return String.join(" AND ", clauses);
    }

    interface RowReader {
        void read(ResultSet rs) throws java.sql.SQLException;
    }

    private void sql(String query, IncidentFilter filter, RowReader reader) {
        core.database().withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                statement.setDate(1, Date.valueOf(filter.from()));
                statement.setDate(2, Date.valueOf(filter.to()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
            return null;
        });
    }
}
