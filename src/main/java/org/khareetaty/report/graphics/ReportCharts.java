package org.khareetaty.report.graphics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.khareetaty.report.pdf.ReportFonts;

/**
 * The charts of the PDF reports, drawn headless with JFreeChart into images at twice the layout size
 * so they stay sharp in print. Text uses the bundled report font so Arabic labels render.
 */
public final class ReportCharts {

    /** One weekly value; {@code low}/{@code high} equal the value when there is no interval. */
    public record WeekValue(LocalDate monday, double value, double low, double high) {
    }

    private static final Color ACTUAL = new Color(0x1F, 0x3A, 0x5F);
    private static final Color FORECAST = new Color(0xC0, 0x5A, 0x1E);
    private static final Color BAR = new Color(0x3C, 0x6E, 0x9E);
    private static final int SCALE = 2;

    private final ReportFonts fonts;

    public ReportCharts(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /** Weekly counts as a line, and the forecast's mean with its 80% interval as a shaded band. */
    public BufferedImage trend(String title, List<WeekValue> actual, List<WeekValue> forecast, int width, int height) {
        YIntervalSeries actualSeries = new YIntervalSeries("Incidents per week");
        for (WeekValue value : actual) {
            actualSeries.add(millis(value.monday()), value.value(), value.value(), value.value());
        }
        YIntervalSeries forecastSeries = new YIntervalSeries("Forecast (mean, 80% interval)");
        for (WeekValue value : forecast) {
            forecastSeries.add(millis(value.monday()), value.value(), value.low(), value.high());
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(actualSeries);
        if (!forecast.isEmpty()) {
            dataset.addSeries(forecastSeries);
        }
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setSeriesPaint(0, ACTUAL);
        renderer.setSeriesFillPaint(0, ACTUAL);
        renderer.setSeriesStroke(0, new BasicStroke(1.6f));
        renderer.setSeriesPaint(1, FORECAST);
        renderer.setSeriesFillPaint(1, FORECAST);
        renderer.setSeriesStroke(1, new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
                new float[] {5f, 3f}, 0f));
        renderer.setAlpha(0.22f);
        DateAxis time = new DateAxis("Week starting");
        time.setDateFormatOverride(new java.text.SimpleDateFormat("d MMM yy", java.util.Locale.ENGLISH));
        time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        NumberAxis count = new NumberAxis("Incidents");
        count.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(dataset, time, count, renderer);
        return draw(styled(new JFreeChart(title, fonts.awtBold(12f), plot, true), plot.getDomainAxis(), count),
                width, height);
    }

    /** A bar per label (hours of the day, weekdays, ...). */
    public BufferedImage bars(String title, String axisLabel, List<String> labels, long[] values, int width, int height) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (int i = 0; i < labels.size(); i++) {
            dataset.addValue(values[i], "Incidents", labels.get(i));
        }
        CategoryAxis axis = new CategoryAxis(axisLabel);
        axis.setCategoryMargin(0.15);
        NumberAxis count = new NumberAxis("Incidents");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        CategoryPlot plot = new CategoryPlot(dataset, axis, count, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(title, fonts.awtBold(12f), plot, false);
        axis.setTickLabelFont(fonts.awt(8.5f));
        axis.setLabelFont(fonts.awt(10f));
        return draw(styled(chart, null, count), width, height);
    }

    private JFreeChart styled(JFreeChart chart, org.jfree.chart.axis.Axis domain, NumberAxis range) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            xy.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        } else if (chart.getPlot() instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        }
        if (domain != null) {
            domain.setTickLabelFont(fonts.awt(9f));
            domain.setLabelFont(fonts.awt(10f));
        }
        range.setTickLabelFont(fonts.awt(9f));
        range.setLabelFont(fonts.awt(10f));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(fonts.awtBold(12f));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(fonts.awt(9f));
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    private static BufferedImage draw(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(SCALE, SCALE);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static long millis(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
