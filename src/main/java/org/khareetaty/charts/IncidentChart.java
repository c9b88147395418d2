package org.khareetaty.charts;

import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.ChartEntity;
import org.khareetaty.common.IncidentFilter;

/**
 * A drawn chart, what it plotted, a note for the user (e.g. why no forecast is shown) and how a click on one of its
 * bars, points or cells turns into a filter.
 */
public final class IncidentChart {

    /** Turns a click on a chart entity into the filter it stands for; empty when the entity is not clickable. */
    @FunctionalInterface
    public interface DrillDown {
        /**
         * @param extend true to add the clicked item to the filter's current choice (e.g. Ctrl-click), false to
         *               replace it
         */
        Optional<IncidentFilter> apply(ChartEntity entity, IncidentFilter current, boolean extend);
    }

    private final ChartKind kind;
    private final JFreeChart chart;
    private final DateWindow window;
    private final Object data;
    private final String note;
    private final DrillDown drillDown;

    IncidentChart(ChartKind kind, JFreeChart chart, DateWindow window, Object data, String note, DrillDown drillDown) {
        this.kind = kind;
        this.chart = chart;
        this.window = window;
        this.data = data;
        this.note = note;
        this.drillDown = drillDown;
    }

    public ChartKind kind() {
        return kind;
    }

    public JFreeChart chart() {
        return chart;
    }

    /** The dates the chart covers. */
    public DateWindow window() {
        return window;
    }

    /** The counts behind the chart: a {@link TimeCounts}, {@link CategoryTimeCounts}, {@link HourWeekdayCounts}, … */
    public Object data() {
        return data;
    }

    /** Something the user should know about this chart, or an empty string. */
    public String note() {
        return note;
    }

    public Optional<IncidentFilter> drillDown(ChartEntity entity, IncidentFilter current, boolean extend) {
        return entity == null ? Optional.empty() : drillDown.apply(entity, current, extend);
    }
}
