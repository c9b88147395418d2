package org.khareetaty.charts;

import java.time.DayOfWeek;

/** Incidents per local hour of the day and ISO day of the week: {@code counts[weekday - 1][hour]}. */
public record HourWeekdayCounts(DateWindow window, long[][] counts) {

    public HourWeekdayCounts {
        if (counts.length != 7 || counts[0].length != 24) {
            throw new IllegalArgumentException("A 7 × 24 matrix expected");
        }
    }

    public long count(DayOfWeek weekday, int hour) {
        return counts[weekday.getValue() - 1][hour];
    }

    public long max() {
        long max = 0;
        for (long[] row : counts) {
            for (long count : row) {
                max = Math.max(max, count);
            }
        }
        return max;
    }
}
