package org.khareetaty.charts;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** How incidents over time are bucketed. Weeks are ISO weeks starting on Monday. */
public enum TimeGranularity {
    DAY("Day"),
    WEEK("Week"),
    MONTH("Month");

    private final String label;

    TimeGranularity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Up to about three months by day, up to about two years by week, longer by month. */
    public static TimeGranularity automatic(DateWindow window) {
        long days = window.days();
        if (days <= 93) {
            return DAY;
        }
        return days <= 731 ? WEEK : MONTH;
    }

    /** The first day of the bucket that holds {@code date}. */
    public LocalDate bucketStart(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** The first day of the bucket after the one starting on {@code bucketStart}. */
    public LocalDate next(LocalDate bucketStart) {
        return switch (this) {
            case DAY -> bucketStart.plusDays(1);
            case WEEK -> bucketStart.plusWeeks(1);
            case MONTH -> bucketStart.plusMonths(1);
        };
    }

    /** The last day of the bucket starting on {@code bucketStart}. */
    public LocalDate bucketEnd(LocalDate bucketStart) {
        return next(bucketStart).minusDays(1);
    }

    /** The starts of every bucket that overlaps the window, in order. */
    public List<LocalDate> buckets(DateWindow window) {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate start = bucketStart(window.from()); !start.isAfter(window.to()); start = next(start)) {
            starts.add(start);
        }
        return starts;
    }
}
