package org.khareetaty.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.IncidentSnapshot;
import org.khareetaty.store.IncidentSnapshots;

/**
 * Chart counts from the in-memory {@link IncidentSnapshot}: one scan of the matching rows per chart, a few
 * milliseconds on a million incidents, which keeps the pane's redraw well under half a second. The first call after
 * the data changed waits for the snapshot to load.
 */
public final class SnapshotChartDataSource implements ChartDataSource {

    private final IncidentSnapshots snapshots;

    public SnapshotChartDataSource(IncidentSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public TimeCounts countsOverTime(IncidentFilter filter, DateWindow window, TimeGranularity granularity,
            TaskContext context) {
        IncidentSnapshot snapshot = snapshots.current(context);
        TimeBuckets buckets = new TimeBuckets(granularity, window);
        long[] counts = new long[buckets.size()];
        for (int row : snapshot.matching(windowed(filter, window))) {
            counts[buckets.indexOf(snapshot.localEpochDay(row))]++;
        }
        return new TimeCounts(granularity, window, buckets.starts(), counts);
    }

    @Override
    public CategoryTimeCounts categoriesOverTime(IncidentFilter filter, DateWindow window, TimeGranularity granularity,
            int top, CategoryCatalog categories, TaskContext context) {
        IncidentSnapshot snapshot = snapshots.current(context);
        TimeBuckets buckets = new TimeBuckets(granularity, window);
        long[][] byIndex = new long[snapshot.categories().size()][buckets.size()];
        for (int row : snapshot.matching(windowed(filter, window))) {
            byIndex[snapshot.categoryIndex(row)][buckets.indexOf(snapshot.localEpochDay(row))]++;
        }
        Map<String, long[]> byCategory = new HashMap<>();
        for (int c = 0; c < byIndex.length; c++) {
            if (Aggregates.sum(byIndex[c]) > 0) {
                byCategory.put(snapshot.categories().get(c), byIndex[c]);
            }
        }
        return Aggregates.categoriesOverTime(granularity, window, buckets, byCategory, top, categories);
    }

    @Override
    public HourWeekdayCounts hourWeekday(IncidentFilter filter, DateWindow window, TaskContext context) {
        IncidentSnapshot snapshot = snapshots.current(context);
        long[][] counts = new long[7][24];
        for (int row : snapshot.matching(windowed(filter, window))) {
            counts[snapshot.localDayOfWeek(row) - 1][snapshot.localHour(row)]++;
        }
        return new HourWeekdayCounts(window, counts);
    }

    @Override
    public List<AreaComparison.AreaCounts> areaCounts(IncidentFilter filter, DateWindow window, List<AreaInfo> areas,
            TaskContext context) {
        if (areas.isEmpty()) {
            return List.of();
        }
        IncidentSnapshot snapshot = snapshots.current(context);
        IncidentSnapshot.AreaColumn column = snapshot.areas(areas.get(0).kind());
        List<DateWindow> windows = List.of(window, window.previous(), window.yearEarlier());
        long[][] counts = new long[column == null ? 0 : column.areaIds().size()][windows.size()];
        if (column != null) {
            int[] from = new int[windows.size()];
            int[] to = new int[windows.size()];
            int earliest = Integer.MAX_VALUE;
            for (int w = 0; w < windows.size(); w++) {
                from[w] = (int) windows.get(w).from().toEpochDay();
                to[w] = (int) windows.get(w).to().toEpochDay();
                earliest = Math.min(earliest, from[w]);
            }
            IncidentFilter all = filter.withDates(java.time.LocalDate.ofEpochDay(earliest), window.to());
            for (int row : snapshot.matching(all)) {
                int area = column.areaIndex(row);
                if (area < 0) {
                    continue;
                }
                int day = snapshot.localEpochDay(row);
                for (int w = 0; w < from.length; w++) {
                    if (day >= from[w] && day <= to[w]) {
                        counts[area][w]++;
                    }
                }
            }
        }
        List<AreaComparison.AreaCounts> rows = new ArrayList<>(areas.size());
        for (AreaInfo area : areas) {
            int index = column == null ? -1 : column.indexOf(area.id());
            long[] c = index < 0 ? new long[3] : counts[index];
            rows.add(new AreaComparison.AreaCounts(area, c[0], c[1], c[2]));
        }
        return rows;
    }

    @Override
    public CategoryCounts topCategories(IncidentFilter filter, DateWindow window, int top, CategoryCatalog categories,
            TaskContext context) {
        IncidentSnapshot snapshot = snapshots.current(context);
        long[] byIndex = new long[snapshot.categories().size()];
        for (int row : snapshot.matching(windowed(filter, window))) {
            byIndex[snapshot.categoryIndex(row)]++;
        }
        Map<String, Long> byCode = new HashMap<>();
        for (int c = 0; c < byIndex.length; c++) {
            if (byIndex[c] > 0) {
                byCode.put(snapshot.categories().get(c), byIndex[c]);
            }
        }
        return Aggregates.topCategories(window, byCode, top, categories);
    }

    private static IncidentFilter windowed(IncidentFilter filter, DateWindow window) {
        return filter.withDates(window.from(), window.to());
    }
}
