package org.khareetaty.charts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns raw per-category counts into chart data; shared by every {@link ChartDataSource}. */
final class Aggregates {

    private Aggregates() {
    }

    static CategoryTimeCounts categoriesOverTime(TimeGranularity granularity, DateWindow window, TimeBuckets buckets,
            Map<String, long[]> bucketsByCategory, int top, CategoryCatalog catalog) {
        Map<String, Long> totals = new HashMap<>();
        bucketsByCategory.forEach((code, counts) -> totals.put(code, sum(counts)));
        List<String> topCodes = CategoryCatalog.topCodes(totals, top);
        List<CategoryInfo> categories = new ArrayList<>();
        List<long[]> rows = new ArrayList<>();
        for (String code : topCodes) {
            categories.add(catalog.info(code));
            rows.add(bucketsByCategory.get(code));
        }
        long[] other = new long[buckets.size()];
        boolean anyOther = false;
        for (Map.Entry<String, long[]> entry : bucketsByCategory.entrySet()) {
            if (!topCodes.contains(entry.getKey())) {
                long[] counts = entry.getValue();
                for (int i = 0; i < other.length; i++) {
                    other[i] += counts[i];
                }
                anyOther |= sum(counts) > 0;
            }
        }
        if (anyOther) {
            categories.add(CategoryInfo.OTHER);
            rows.add(other);
        }
        return new CategoryTimeCounts(granularity, window, buckets.starts(), categories, rows.toArray(long[][]::new));
    }

    static CategoryCounts topCategories(DateWindow window, Map<String, Long> countsByCode, int top,
            CategoryCatalog catalog) {
        List<String> topCodes = CategoryCatalog.topCodes(countsByCode, top);
        List<CategoryCounts.CategoryCount> rows = new ArrayList<>();
        for (String code : topCodes) {
            rows.add(new CategoryCounts.CategoryCount(catalog.info(code), countsByCode.get(code)));
        }
        long other = 0;
        for (Map.Entry<String, Long> entry : countsByCode.entrySet()) {
            if (!topCodes.contains(entry.getKey())) {
                other += entry.getValue();
            }
        }
        return new CategoryCounts(window, rows, other);
    }

    static long sum(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
