package org.khareetaty.report.graphics;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.Set;
import org.khareetaty.charts.ChartExport;
import org.khareetaty.charts.DateWindow;
import org.khareetaty.charts.ForecastSeries;
import org.khareetaty.charts.HourWeekdayCounts;
import org.khareetaty.charts.IncidentCharts;
import org.khareetaty.charts.TimeCounts;
import org.khareetaty.charts.TimeGranularity;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.khareetaty.report.pdf.ReportFonts;

/**
 * The charts of the PDF reports, drawn headless with JFreeChart into images at twice the layout size
 * so they stay sharp in print. Text uses the bundled report font so Arabic labels render.
 */
public final class ReportCharts {

    private static final Color BAR = new Color(0x3C, 0x6E, 0x9E);
    private static final int SCALE = 2;
    /** The shared factories size their text in pixels: 1.5 pixels per point keeps it readable in print. */
    private static final double SHARED_SCALE = 1.5;

    private final ReportFonts fonts;

    public ReportCharts(ReportFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * Weekly counts with the stored forecast and its intervals, drawn by the charts pane's own factory
     * ({@link IncidentCharts#timeline}) so the report shows the same chart the analyst saw.
     */
    public BufferedImage trend(List<LocalDate> mondays, long[] counts, ForecastSeries forecast, String subtitle,
            int width, int height) {
        DateWindow window = new DateWindow(mondays.get(0), mondays.get(mondays.size() - 1).plusDays(6));
        JFreeChart chart = IncidentCharts.timeline(new TimeCounts(TimeGranularity.WEEK, window, mondays, counts),
                forecast, subtitle);
        return ChartExport.toImage(chart, (int) (width * SHARED_SCALE), (int) (height * SHARED_SCALE));
    }

    /** The weekday by hour heat map of the charts pane ({@link IncidentCharts#hourWeekday}). */
    public BufferedImage hourWeekday(LocalDate from, LocalDate to, long[][] counts, String subtitle, int width, int height) {
        JFreeChart chart = IncidentCharts.hourWeekday(new HourWeekdayCounts(new DateWindow(from, to), counts), Set.of(),
                Set.of(), subtitle);
        return ChartExport.toImage(chart, (int) (width * SHARED_SCALE), (int) (height * SHARED_SCALE));
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
        return draw(styled(chart, count), width, height);
    }

    private JFreeChart styled(JFreeChart chart, NumberAxis range) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = (CategoryPlot) chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
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

}
