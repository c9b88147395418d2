package org.khareetaty.charts;

import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;

/**
 * Counts incidents for the charts. Every method counts the incidents that pass {@code filter} with its date range
 * replaced by {@code window}. Implementations: {@link SqlChartDataSource} (GROUP BY queries, for one-off charts in
 * the CLI and reports) and {@link SnapshotChartDataSource} (in-memory columns, for the interactive pane).
 */
public interface ChartDataSource {

    TimeCounts countsOverTime(IncidentFilter filter, DateWindow window, TimeGranularity granularity,
            TaskContext context);

    /** Buckets per category for the {@code top} most frequent categories in the window plus, if any, the others. */
    CategoryTimeCounts categoriesOverTime(IncidentFilter filter, DateWindow window, TimeGranularity granularity,
            int top, CategoryCatalog categories, TaskContext context);

    HourWeekdayCounts hourWeekday(IncidentFilter filter, DateWindow window, TaskContext context);

    /**
     * Counts per area of {@code areas} (all of one kind) in the window, the window before it and a year earlier.
     * Rows keep the order of {@code areas}.
     */
    java.util.List<AreaComparison.AreaCounts> areaCounts(IncidentFilter filter, DateWindow window,
            java.util.List<AreaInfo> areas, TaskContext context);

    CategoryCounts topCategories(IncidentFilter filter, DateWindow window, int top, CategoryCatalog categories,
            TaskContext context);
}
