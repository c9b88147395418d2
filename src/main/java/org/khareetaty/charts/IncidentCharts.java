package org.khareetaty.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Predicate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryToolTipGenerator;
import org.jfree.chart.labels.XYToolTipGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.XYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Builds the JFreeChart charts from chart data. Pure: the same data gives the same chart, on any thread, so the
 * pane, the CLI and PDF reports draw identical charts. Dates on the time axis are local dates placed at UTC
 * midnight, with the axis in UTC, so no time zone shifts a bucket.
 */
public final class IncidentCharts {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final Color ACTUAL = new Color(0x1f, 0x4e, 0x79);
    private static final Color FORECAST = new Color(0xd9, 0x5f, 0x02);
    private static final Color HIGHLIGHT = new Color(0x00, 0x66, 0xcc);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color OTHER = new Color(0xbb, 0xbb, 0xbb);
    /** Tableau 10: distinguishable, and readable in print. */
    private static final Color[] PALETTE = {
        new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759), new Color(0x76b7b2), new Color(0x59a14f),
        new Color(0xedc948), new Color(0xb07aa1), new Color(0xff9da7), new Color(0x9c755f), new Color(0x86bcb6)};
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font SUBTITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private IncidentCharts() {
    }

    /** X value of a local date on the time axis. */
    public static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /** How a time bucket is named in tooltips, e.g. "week of Mon 3 Mar 2025". */
    public static String periodLabel(TimeGranularity granularity, LocalDate start) {
        return switch (granularity) {
            case DAY -> DAY.format(start);
            case WEEK -> "week of " + DAY.format(start);
            case MONTH -> MONTH.format(start);
        };
    }

    public static JFreeChart timeline(TimeCounts counts, ForecastSeries forecast, String subtitle) {
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        String unit = counts.granularity().label().toLowerCase(Locale.ROOT);
        // A bucket cut by the window (a week with two days of data) is drawn apart, unjoined and hollow: joined to
        // the line it would read as a sudden fall in crime.
        XYSeries complete = new XYSeries("Incidents per " + unit, false, false);
        XYSeries partial = new XYSeries("Partial " + unit + " (not every day in the window)", false, false);
        List<Integer> completeItems = new ArrayList<>();
        List<Integer> partialItems = new ArrayList<>();
        for (int i = 0; i < counts.periods().size(); i++) {
            LocalDate start = counts.periods().get(i);
            boolean cut = !partialNote(counts.granularity(), counts.window(), start).isEmpty();
            (cut ? partial : complete).add(millis(start), counts.counts()[i]);
            (cut ? partialItems : completeItems).add(i);
        }
        XYSeriesCollection observed = new XYSeriesCollection(complete);
        XYLineAndShapeRenderer actualRenderer = new XYLineAndShapeRenderer(true, true);
        actualRenderer.setSeriesPaint(0, ACTUAL);
        actualRenderer.setSeriesStroke(0, new BasicStroke(2f));
        actualRenderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        if (!partialItems.isEmpty()) {
            observed.addSeries(partial);
            actualRenderer.setSeriesPaint(1, ACTUAL);
            actualRenderer.setSeriesLinesVisible(1, false);
            actualRenderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
            actualRenderer.setSeriesShapesFilled(1, false);
        }
        actualRenderer.setDefaultToolTipGenerator((XYToolTipGenerator) (dataset, series, item) -> {
            int index = (series == 0 ? completeItems : partialItems).get(item);
            LocalDate start = counts.periods().get(index);
            return periodLabel(counts.granularity(), start) + ": " + number.format(counts.counts()[index])
                    + " incidents" + partialNote(counts.granularity(), counts.window(), start);
        });

        DateAxis time = new DateAxis("Date");
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setLowerMargin(0.01);
        time.setUpperMargin(0.01);
        NumberAxis value = new NumberAxis("Incidents");
        value.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        value.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(observed, time, value, actualRenderer);

        if (forecast != null && !forecast.points().isEmpty()) {
            YIntervalSeries wide = new YIntervalSeries("Forecast, 95 % interval");
            YIntervalSeries narrow = new YIntervalSeries("Forecast, 80 % interval");
            for (ForecastSeries.Point point : forecast.points()) {
                long x = millis(point.periodStart());
                wide.add(x, point.mean(), point.lower95(), point.upper95());
                narrow.add(x, point.mean(), point.lower80(), point.upper80());
            }
            YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
            bands.addSeries(wide);
            bands.addSeries(narrow);
            DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
            bandRenderer.setAlpha(0.25f);
            for (int series = 0; series < 2; series++) {
                bandRenderer.setSeriesPaint(series, FORECAST);
                bandRenderer.setSeriesFillPaint(series, FORECAST);
                bandRenderer.setSeriesStroke(series, new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
                        1f, new float[] {6f, 4f}, 0f));
            }
            bandRenderer.setDefaultToolTipGenerator((XYToolTipGenerator) (dataset, series, item) -> {
                ForecastSeries.Point point = forecast.points().get(item);
                return "Forecast for " + periodLabel(forecast.period(), point.periodStart()) + ": "
                        + String.format(Locale.ENGLISH, "%.1f (80 %%: %.1f–%.1f, 95 %%: %.1f–%.1f)", point.mean(),
                                point.lower80(), point.upper80(), point.lower95(), point.upper95());
            });
            plot.setDataset(1, bands);
            plot.setRenderer(1, bandRenderer);
        }
        plot.setDomainCrosshairVisible(true);
        plot.setRangeCrosshairVisible(true);
        return finish(new JFreeChart(ChartKind.TIMELINE.title(), TITLE_FONT, plot, true), plot, subtitle);
    }

    public static JFreeChart categoriesOverTime(CategoryTimeCounts counts, String subtitle) {
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        DefaultTableXYDataset dataset = new DefaultTableXYDataset();
        for (int c = 0; c < counts.categories().size(); c++) {
            XYSeries series = new XYSeries(counts.categories().get(c).label(), false, false);
            for (int p = 0; p < counts.periods().size(); p++) {
                series.add(millis(counts.periods().get(p)), counts.counts()[c][p]);
            }
            dataset.addSeries(series);
        }
        // Bars start at their bucket's first day and are as wide as the shortest bucket (28 days for months).
        long bucketDays = switch (counts.granularity()) {
            case DAY -> 1;
            case WEEK -> 7;
            case MONTH -> 28;
        };
        dataset.setIntervalWidth(bucketDays * 86_400_000.0);
        dataset.setIntervalPositionFactor(0.0);
        StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.12);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        for (int c = 0; c < counts.categories().size(); c++) {
            renderer.setSeriesPaint(c, counts.categories().get(c).isOther() ? OTHER : PALETTE[c % PALETTE.length]);
        }
        renderer.setDefaultToolTipGenerator((XYToolTipGenerator) (data, series, item) -> {
            LocalDate start = counts.periods().get(item);
            long total = 0;
            for (long[] row : counts.counts()) {
                total += row[item];
            }
            return counts.categories().get(series).label() + ", " + periodLabel(counts.granularity(), start) + ": "
                    + number.format(counts.counts()[series][item]) + " of " + number.format(total) + " incidents"
                    + partialNote(counts.granularity(), counts.window(), start);
        });
        DateAxis time = new DateAxis("Date");
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        NumberAxis value = new NumberAxis("Incidents");
        value.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(dataset, time, value, renderer);
        plot.setDomainCrosshairVisible(true);
        plot.setRangeCrosshairVisible(true);
        return finish(new JFreeChart(ChartKind.CATEGORIES_OVER_TIME.title(), TITLE_FONT, plot, true), plot, subtitle);
    }

    /** Weekday names as the heat map's vertical axis shows them, Monday first. */
    public static String[] weekdayNames() {
        String[] names = new String[7];
        for (DayOfWeek day : DayOfWeek.values()) {
            names[day.getValue() - 1] = day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        }
        return names;
    }

    public static JFreeChart hourWeekday(HourWeekdayCounts counts, Set<Integer> hours, Set<DayOfWeek> weekdays,
            String subtitle) {
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        double[][] xyz = new double[3][7 * 24];
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                int item = day * 24 + hour;
                xyz[0][item] = hour;
                xyz[1][item] = day;
                xyz[2][item] = counts.counts()[day][hour];
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("Incidents", xyz);
        HeatScale scale = new HeatScale(Math.max(1, counts.max()));
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        renderer.setDefaultToolTipGenerator((XYToolTipGenerator) (data, series, item) -> {
            XYZDataset cells = (XYZDataset) data;
            int hour = (int) cells.getXValue(series, item);
            DayOfWeek day = DayOfWeek.of((int) cells.getYValue(series, item) + 1);
            return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + String.format(Locale.ENGLISH,
                    " %02d:00–%02d:59: ", hour, hour) + number.format((long) cells.getZValue(series, item))
                    + " incidents";
        });
        NumberAxis hourAxis = new NumberAxis("Hour of day");
        hourAxis.setRange(-0.5, 23.5);
        hourAxis.setTickUnit(new NumberTickUnit(2));
        hourAxis.setLowerMargin(0);
        hourAxis.setUpperMargin(0);
        SymbolAxis dayAxis = new SymbolAxis("Day of week", weekdayNames());
        dayAxis.setInverted(true);
        dayAxis.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(dataset, hourAxis, dayAxis, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        boolean anyHighlight = !hours.isEmpty() || !weekdays.isEmpty();
        if (anyHighlight) {
            for (int day = 0; day < 7; day++) {
                for (int hour = 0; hour < 24; hour++) {
                    boolean hourOn = hours.isEmpty() || hours.contains(hour);
                    boolean dayOn = weekdays.isEmpty() || weekdays.contains(DayOfWeek.of(day + 1));
                    if (hourOn && dayOn) {
                        plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(hour - 0.5, day - 0.5, 1, 1),
                                new BasicStroke(2.5f), HIGHLIGHT));
                    }
                }
            }
        }
        JFreeChart chart = new JFreeChart(ChartKind.HOUR_WEEKDAY.title(), TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis("Incidents");
        legendAxis.setRange(0, scale.getUpperBound());
        legendAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(10, 6, 30, 6));
        legend.setStripWidth(12);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        chart.addSubtitle(legend);
        return finish(chart, plot, subtitle);
    }

    /** A bar of the area comparison: the area, named in the axis. */
    public record AreaKey(AreaInfo area) implements Comparable<AreaKey> {
        @Override
        public int compareTo(AreaKey other) {
            int byName = area.name().compareTo(other.area.name());
            return byName != 0 ? byName : area.id().compareTo(other.area.id());
        }

        @Override
        public String toString() {
            return area.name();
        }
    }

    public static JFreeChart areas(AreaComparison comparison, AreaMeasure measure, Set<UUID> selected,
            String subtitle) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        String current = "This period";
        String previous = "Previous " + comparison.window().days() + " days";
        String yearEarlier = "Same dates a year earlier";
        for (AreaComparison.AreaCounts row : comparison.rows()) {
            AreaKey key = new AreaKey(row.area());
            switch (measure) {
                case COUNTS -> {
                    dataset.addValue(row.current(), current, key);
                    dataset.addValue(row.previous(), previous, key);
                    dataset.addValue(row.yearEarlier(), yearEarlier, key);
                }
                case CHANGE -> {
                    dataset.addValue(row.changeVsPrevious(), "Change against the previous " + comparison.window().days()
                            + " days (%)", key);
                    dataset.addValue(row.changeVsYearEarlier(), "Change against a year earlier (%)", key);
                }
                case RATE -> {
                    if (row.ratePer100k() != null) {
                        dataset.addValue(row.ratePer100k(), "Incidents per 100,000 residents", key);
                    }
                }
            }
        }
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        CategoryToolTipGenerator tooltip = (data, rowIndex, column) -> {
            AreaKey key = (AreaKey) data.getColumnKey(column);
            AreaComparison.AreaCounts row = comparison.rows().stream().filter(r -> r.area().equals(key.area()))
                    .findFirst().orElseThrow();
            StringBuilder text = new StringBuilder(key.area().name()).append('\n')
                    .append(SHORT_DAY.format(comparison.window().from())).append(" – ")
                    .append(SHORT_DAY.format(comparison.window().to())).append(": ")
                    .append(number.format(row.current())).append('\n')
                    .append("previous period: ").append(number.format(row.previous()))
                    .append(percent(row.changeVsPrevious())).append('\n')
                    .append("a year earlier: ").append(number.format(row.yearEarlier()))
                    .append(percent(row.changeVsYearEarlier()));
            if (row.ratePer100k() != null) {
                text.append('\n').append(String.format(Locale.ENGLISH, "%.1f per 100,000 residents (population %s)",
                        row.ratePer100k(), number.format(row.area().population())));
            }
            return text.toString();
        };
        String axisLabel = switch (measure) {
            case COUNTS -> "Incidents";
            case CHANGE -> "Change (%)";
            case RATE -> "Incidents per 100,000 residents";
        };
        Predicate<Comparable<?>> isSelected = key -> key instanceof AreaKey area && selected.contains(area.area().id());
        String kindLabel = comparison.kind().isEmpty() ? "Area"
                : Character.toUpperCase(comparison.kind().charAt(0)) + comparison.kind().substring(1);
        CategoryPlot plot = barPlot(dataset, kindLabel, axisLabel, tooltip, isSelected, !selected.isEmpty());
        plot.getRenderer().setSeriesPaint(0, ACTUAL);
        plot.getRenderer().setSeriesPaint(1, new Color(0x8fb3d9));
        plot.getRenderer().setSeriesPaint(2, new Color(0xc9c9c9));
        if (measure == AreaMeasure.CHANGE) {
            plot.getRenderer().setSeriesPaint(1, FORECAST);
        }
        return finish(new JFreeChart(ChartKind.AREAS.title(), TITLE_FONT, plot, measure != AreaMeasure.RATE), plot,
                subtitle);
    }

    /** A bar of the top-categories chart. */
    public record CategoryKey(CategoryInfo category) implements Comparable<CategoryKey> {
        @Override
        public int compareTo(CategoryKey other) {
            return category.code().compareTo(other.category.code());
        }

        @Override
        public String toString() {
            return category.label();
        }
    }

    public static JFreeChart topCategories(CategoryCounts counts, Set<String> selected, String subtitle) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (CategoryCounts.CategoryCount row : counts.top()) {
            dataset.addValue(row.count(), "Incidents", new CategoryKey(row.category()));
        }
        long total = counts.otherCount() + counts.top().stream().mapToLong(CategoryCounts.CategoryCount::count).sum();
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        CategoryToolTipGenerator tooltip = (data, row, column) -> {
            CategoryKey key = (CategoryKey) data.getColumnKey(column);
            long count = data.getValue(row, column).longValue();
            return key.category().label() + ": " + number.format(count) + " incidents"
                    + String.format(Locale.ENGLISH, " (%.1f %% of %s)", total == 0 ? 0.0 : count * 100.0 / total,
                            number.format(total));
        };
        Predicate<Comparable<?>> isSelected = key -> key instanceof CategoryKey category
                && selected.contains(category.category().code());
        CategoryPlot plot = barPlot(dataset, "Category", "Incidents", tooltip, isSelected, !selected.isEmpty());
        plot.getRenderer().setSeriesPaint(0, ACTUAL);
        JFreeChart chart = new JFreeChart(ChartKind.TOP_CATEGORIES.title(), TITLE_FONT, plot, false);
        return finish(chart, plot, subtitle + (counts.otherCount() > 0
                ? " · other categories: " + number.format(counts.otherCount()) + " incidents" : ""));
    }

    private static CategoryPlot barPlot(DefaultCategoryDataset dataset, String categoryLabel, String valueLabel,
            CategoryToolTipGenerator tooltip, Predicate<Comparable<?>> isSelected, boolean anySelected) {
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Paint paint = super.getItemPaint(row, column);
                boolean dim = anySelected && !isSelected.test(getPlot().getDataset().getColumnKey(column));
                return dim && paint instanceof Color color ? faded(color) : paint;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.02);
        renderer.setDefaultToolTipGenerator(tooltip);
        CategoryAxis categories = new CategoryAxis(categoryLabel);
        categories.setMaximumCategoryLabelWidthRatio(0.35f);
        categories.setCategoryMargin(0.15);
        for (Object key : dataset.getColumnKeys()) {
            Comparable<?> column = (Comparable<?>) key;
            if (isSelected.test(column)) {
                categories.setTickLabelPaint(column, HIGHLIGHT);
                categories.setTickLabelFont(column, categories.getTickLabelFont().deriveFont(Font.BOLD));
            }
        }
        NumberAxis values = new NumberAxis(valueLabel);
        CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setNoDataMessage("No incidents match the filter");
        return plot;
    }

    private static Color faded(Color color) {
        return new Color(color.getRed(), color.getGreen(), color.getBlue(), 70);
    }

    private static JFreeChart finish(JFreeChart chart, org.jfree.chart.plot.Plot plot, String subtitle) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setNoDataMessage("No incidents match the filter");
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
        }
        if (subtitle != null && !subtitle.isBlank()) {
            TextTitle text = new TextTitle(subtitle, SUBTITLE_FONT);
            text.setPaint(Color.DARK_GRAY);
            chart.addSubtitle(0, text);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    private static String partialNote(TimeGranularity granularity, DateWindow window, LocalDate start) {
        LocalDate end = granularity.bucketEnd(start);
        if (!start.isBefore(window.from()) && !end.isAfter(window.to())) {
            return "";
        }
        LocalDate first = start.isBefore(window.from()) ? window.from() : start;
        LocalDate last = end.isAfter(window.to()) ? window.to() : end;
        return " (partial: " + SHORT_DAY.format(first) + " – " + SHORT_DAY.format(last) + " only)";
    }

    private static String percent(Double change) {
        return change == null ? "" : String.format(Locale.ENGLISH, " (%+.1f %%)", change);
    }

    /** White through orange to dark red: how many incidents a cell holds. */
    static final class HeatScale implements PaintScale {
        private static final Color[] STOPS = {
            new Color(0xff, 0xff, 0xff), new Color(0xfe, 0xe8, 0xc8), new Color(0xfd, 0xbb, 0x84),
            new Color(0xe3, 0x4a, 0x33), new Color(0x7f, 0x00, 0x00)};
        private final double upper;

        HeatScale(double upper) {
            this.upper = upper;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return upper;
        }

        @Override
        public Paint getPaint(double value) {
            double position = Math.max(0, Math.min(1, value / upper)) * (STOPS.length - 1);
            int low = (int) Math.floor(position);
            if (low >= STOPS.length - 1) {
                return STOPS[STOPS.length - 1];
            }
            double t = position - low;
            Color a = STOPS[low];
            Color b = STOPS[low + 1];
            return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
        }
    }
}
