package org.khareetaty.charts;

import java.time.LocalDate;
import java.util.List;

/** Incidents per time bucket: {@code counts[i]} incidents in the bucket starting on {@code periods.get(i)}. */
public record TimeCounts(TimeGranularity granularity, DateWindow window, List<LocalDate> periods, long[] counts) {

    public TimeCounts {
        periods = List.copyOf(periods);
        if (counts.length != periods.size()) {
            throw new IllegalArgumentException("One count per period expected");
        }
    }

    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }
}
