package org.khareetaty.charts;

import java.time.LocalDate;
import java.util.List;

/**
 * Incidents per time bucket and category: {@code counts[c][p]} incidents of {@code categories.get(c)} in the bucket
 * starting on {@code periods.get(p)}. The top categories come first; {@link CategoryInfo#OTHER}, when present, last.
 */
public record CategoryTimeCounts(TimeGranularity granularity, DateWindow window, List<LocalDate> periods,
        List<CategoryInfo> categories, long[][] counts) {

    public CategoryTimeCounts {
        periods = List.copyOf(periods);
        categories = List.copyOf(categories);
        if (counts.length != categories.size()) {
            throw new IllegalArgumentException("One row of counts per category expected");
        }
    }
}
