package org.khareetaty.analysis.forecast;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Daily incident counts of several series over one run of days, as a dense matrix built in one pass over
 * the in-memory incidents: row {@code s} of {@link #counts()} is series {@code s}, column {@code d} is
 * {@code firstDay + d}.
 */
public record CountSeries(LocalDate firstDay, List<Series> series, int[][] counts) {

    /** One series: the whole agency or one area, optionally one category group. */
    public record Series(String key, String label, String areaKind, UUID areaId, String categoryGroup) {
    }

    public int days() {
        return counts.length == 0 ? 0 : counts[0].length;
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days() - 1L);
    }

    /** Column of a day (may be outside the matrix). */
    public int indexOf(LocalDate day) {
        return (int) (day.toEpochDay() - firstDay.toEpochDay());
    }

    /** The key under which a series' forecasts are stored: "agency" or "area:UUID", plus "|group:NAME". */
    public static String key(UUID areaId, String categoryGroup) {
        String base = areaId == null ? "agency" : "area:" + areaId;
        return categoryGroup == null ? base : base + "|group:" + categoryGroup;
    }
}
