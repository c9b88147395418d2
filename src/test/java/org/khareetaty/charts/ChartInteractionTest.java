package org.khareetaty.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.analysis.forecast.CountSeries;
import org.khareetaty.analysis.forecast.ForecastPoint;
import org.khareetaty.analysis.forecast.ForecastStore;
import org.khareetaty.analysis.forecast.SeriesForecast;
import org.khareetaty.core.CoreServices;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.IncidentRepository;
import org.khareetaty.store.IncidentSnapshots;

/** Clicking chart items filters; filters on hours and weekdays count right; charts export to PNG and SVG. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartInteractionTest {

    @TempDir
    static Path folder;

    private CoreServices core;
    private PhiladelphiaSample sample;
    private ChartService service;

    @BeforeAll
    void load() throws Exception {
        core = CoreServices.open(new DataFolder(folder.resolve("data")));
        sample = PhiladelphiaSample.load(core.database());
        service = new ChartService(new SqlChartDataSource(core.database()), new ChartCatalog(core.database()),
                new ForecastReader(new ForecastStore(core.database(), core.settings())), core.clock());
    }

    @AfterAll
    void close() {
        core.close();
    }

    @Test
    void defaultWindowIsTheLastTwelveMonthsOfTheData() {
        LocalDate last = sample.rows.stream().map(PhiladelphiaSample.Row::localDate).max(LocalDate::compareTo).orElseThrow();
        DateWindow window = service.window(IncidentFilter.ALL, service.context());
        assertThat(window.to()).isEqualTo(last);
        assertThat(window.from()).isEqualTo(last.minusYears(1).plusDays(1));
    }

    @Test
    void hourAndWeekdayFilterCountsWhatTheRowsSay() {
        IncidentFilter filter = IncidentFilter.ALL.withHours(Set.of(0, 13)).withWeekdays(Set.of(DayOfWeek.SUNDAY));
        long expected = sample.rows.stream().filter(row -> (row.hour() == 0 || row.hour() == 13)
                && row.localDate().getDayOfWeek() == DayOfWeek.SUNDAY).count();
        assertThat(expected).isPositive();
        assertThat(new IncidentRepository(core.database(), new IncidentSnapshots(core.database())).count(filter)).isEqualTo(expected);
    }

    @Test
    void clickingATimelinePointFiltersToItsPeriod() {
        IncidentChart chart = service.build(ChartKind.TIMELINE, IncidentFilter.ALL,
                ChartOptions.DEFAULTS.withGranularity(TimeGranularity.MONTH), TaskContext.NONE);
        TimeCounts counts = (TimeCounts) chart.data();
        DateWindow window = chart.window();
        int cutBeforeFirstWhole = counts.periods().get(0).isBefore(window.from()) ? 1 : 0;
        XYItemEntity thirdWhole = entities(chart, XYItemEntity.class).stream()
                .filter(e -> e.getSeriesIndex() == 0 && e.getItem() == 2).findFirst().orElseThrow();
        LocalDate month = counts.periods().get(2 + cutBeforeFirstWhole);
        Optional<IncidentFilter> filtered = chart.drillDown(thirdWhole, IncidentFilter.ALL, false);
        assertThat(filtered).contains(IncidentFilter.ALL.withDates(month, month.plusMonths(1).minusDays(1)));
    }

    @Test
    void aWeekCutByTheWindowIsDrawnApartAndFiltersToItsDaysInTheWindow() {
        IncidentChart chart = service.build(ChartKind.TIMELINE, IncidentFilter.ALL,
                ChartOptions.DEFAULTS.withGranularity(TimeGranularity.WEEK), TaskContext.NONE);
        DateWindow window = chart.window();
        LocalDate lastWeek = TimeGranularity.WEEK.bucketStart(window.to());
        assertThat(lastWeek.plusDays(6)).as("the sample's window should end inside a week").isAfter(window.to());
        XYItemEntity cut = entities(chart, XYItemEntity.class).stream()
                .filter(e -> e.getSeriesIndex() == 1
                        && e.getDataset().getXValue(1, e.getItem()) == IncidentCharts.millis(lastWeek))
                .findFirst().orElseThrow();
        assertThat(chart.chart().getXYPlot().getDataset(0).getSeriesKey(1).toString()).startsWith("Partial week");
        assertThat(chart.drillDown(cut, IncidentFilter.ALL, false))
                .contains(IncidentFilter.ALL.withDates(lastWeek, window.to()));
    }

    @Test
    void clickingAHeatMapCellFiltersToThatHourAndWeekdayAndKeepsTheMatrixWhole() {
        IncidentChart chart = service.build(ChartKind.HOUR_WEEKDAY, IncidentFilter.ALL, ChartOptions.DEFAULTS,
                TaskContext.NONE);
        XYItemEntity cell = entities(chart, XYItemEntity.class).stream()
                .filter(e -> e.getItem() == 2 * 24 + 17).findFirst().orElseThrow();   // Wednesday 17:00
        IncidentFilter filtered = chart.drillDown(cell, IncidentFilter.ALL, false).orElseThrow();
        assertThat(filtered.hours()).containsExactly(17);
        assertThat(filtered.weekdays()).containsExactly(DayOfWeek.WEDNESDAY);

        IncidentChart again = service.build(ChartKind.HOUR_WEEKDAY, filtered, ChartOptions.DEFAULTS, TaskContext.NONE);
        assertThat(((HourWeekdayCounts) again.data()).counts()).isDeepEqualTo(((HourWeekdayCounts) chart.data()).counts());
        assertThat(again.chart().getXYPlot().getAnnotations()).hasSize(1);
    }

    @Test
    void clickingCategoryAndAreaBarsFiltersAndCtrlClickAddsOrRemoves() {
        IncidentChart categories = service.build(ChartKind.TOP_CATEGORIES, IncidentFilter.ALL, ChartOptions.DEFAULTS,
                TaskContext.NONE);
        List<CategoryItemEntity> bars = entities(categories, CategoryItemEntity.class);
        String first = ((IncidentCharts.CategoryKey) bars.get(0).getColumnKey()).category().code();
        String second = ((IncidentCharts.CategoryKey) bars.get(1).getColumnKey()).category().code();
        IncidentFilter one = categories.drillDown(bars.get(0), IncidentFilter.ALL, false).orElseThrow();
        assertThat(one.categories()).containsExactly(first);
        IncidentFilter two = categories.drillDown(bars.get(1), one, true).orElseThrow();
        assertThat(two.categories()).containsExactlyInAnyOrder(first, second);
        assertThat(categories.drillDown(bars.get(0), two, true).orElseThrow().categories()).containsExactly(second);

        UUID otherKindArea = UUID.randomUUID();
        IncidentFilter withOtherArea = IncidentFilter.ALL.withAreas(Set.of(otherKindArea));
        IncidentChart areas = service.build(ChartKind.AREAS, withOtherArea, ChartOptions.DEFAULTS, TaskContext.NONE);
        CategoryItemEntity bar = entities(areas, CategoryItemEntity.class).get(0);
        UUID district = ((IncidentCharts.AreaKey) bar.getColumnKey()).area().id();
        assertThat(areas.drillDown(bar, withOtherArea, false).orElseThrow().areas())
                .containsExactlyInAnyOrder(otherKindArea, district);
    }

    @Test
    void timelineDrawsTheStoredForecastWithItsIntervals() {
        LocalDate last = service.window(IncidentFilter.ALL, service.context()).to();
        LocalDate firstWeek = TimeGranularity.WEEK.next(TimeGranularity.WEEK.bucketStart(last));
        List<ForecastPoint> weekly = List.of(
                new ForecastPoint(firstWeek, ForecastPoint.Period.WEEK, 30, 31.5, 24, 39, 20, 44),
                new ForecastPoint(firstWeek.plusWeeks(1), ForecastPoint.Period.WEEK, 29, 30.2, 23, 38, 19, 43));
        CountSeries.Series agency = new CountSeries.Series(CountSeries.key(null, null), "Agency", null, null, null);
        ForecastStore store = new ForecastStore(core.database(), core.settings());
        store.saveForecast(new ForecastStore.RunInfo(ForecastStore.KIND_FORECAST, java.util.Map.of(), IncidentFilter.ALL,
                last.minusYears(1), last, sample.rows.size(), java.util.Map.of(), java.time.Instant.now(), 5, "test"),
                List.of(new SeriesForecast(agency, List.of(), weekly, 1.0, last.minusYears(1), new int[0])));

        IncidentChart chart = service.build(ChartKind.TIMELINE, IncidentFilter.ALL,
                ChartOptions.DEFAULTS.withGranularity(TimeGranularity.WEEK), TaskContext.NONE);
        org.jfree.data.xy.IntervalXYDataset bands =
                (org.jfree.data.xy.IntervalXYDataset) chart.chart().getXYPlot().getDataset(1);
        assertThat(bands.getItemCount(0)).isEqualTo(2);
        assertThat(bands.getXValue(0, 0)).isEqualTo(IncidentCharts.millis(firstWeek));
        assertThat(bands.getYValue(0, 1)).isEqualTo(30.2);
        assertThat(bands.getStartYValue(0, 0)).isEqualTo(20);   // 95 %
        assertThat(bands.getEndYValue(1, 0)).isEqualTo(39);     // 80 %

        IncidentChart monthly = service.build(ChartKind.TIMELINE, IncidentFilter.ALL,
                ChartOptions.DEFAULTS.withGranularity(TimeGranularity.MONTH), TaskContext.NONE);
        assertThat(monthly.chart().getXYPlot().getDataset(1)).isNull();
        assertThat(monthly.note()).contains("by week");
        IncidentChart hours = service.build(ChartKind.TIMELINE, IncidentFilter.ALL.withHours(Set.of(3)),
                ChartOptions.DEFAULTS.withGranularity(TimeGranularity.WEEK), TaskContext.NONE);
        assertThat(hours.chart().getXYPlot().getDataset(1)).isNull();
        assertThat(hours.note()).contains("all hours");
    }

    @Test
    void exportsPngAndSvgAtTheChosenSize() throws Exception {
        IncidentChart chart = service.build(ChartKind.CATEGORIES_OVER_TIME, IncidentFilter.ALL, ChartOptions.DEFAULTS,
                TaskContext.NONE);
        Path png = folder.resolve("out/stacked.png");
        Path svg = folder.resolve("out/stacked.svg");
        ChartExport.write(chart.chart(), png, 1000, 600);
        ChartExport.write(chart.chart(), svg, 800, 500);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1000);
        assertThat(image.getHeight()).isEqualTo(600);
        String text = Files.readString(svg);
        assertThat(text).startsWith("<?xml").contains("<svg").contains("width='800.0'").contains("Thefts");
        assertThatThrownBy(() -> ChartExport.write(chart.chart(), folder.resolve("x.jpg"), 800, 500))
                .hasMessageContaining(".png or .svg");
        assertThatThrownBy(() -> ChartExport.write(chart.chart(), png, 10, 500)).hasMessageContaining("100 to");
    }

    private static <T extends ChartEntity> List<T> entities(IncidentChart chart, Class<T> type) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        chart.chart().createBufferedImage(1200, 800, info);
        return info.getEntityCollection().getEntities().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
