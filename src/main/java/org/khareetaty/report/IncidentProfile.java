package org.khareetaty.report;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * Who, what and when of a set of incidents: total, located share, categories by count, a weekday by
 * hour matrix (ISO weekday 1 = Monday at index 0) and the date range covered.
 */
public record IncidentProfile(
        long total,
        long located,
        List<CategoryCount> categories,
        long[][] weekdayHour,
        LocalDate firstDate,
        LocalDate lastDate) {

    /** A category label and how many incidents it has. */
    public record CategoryCount(String code, String label, long count) {
    }

    public long[] byHour() {
        long[] hours = new long[24];
        for (long[] day : weekdayHour) {
            for (int h = 0; h < 24; h++) {
                hours[h] += day[h];
            }
        }
        return hours;
    }

    public long[] byWeekday() {
        long[] days = new long[7];
        for (int d = 0; d < 7; d++) {
            for (long count : weekdayHour[d]) {
                days[d] += count;
            }
        }
        return days;
    }

    /** The busiest weekday, or null when there are no incidents. */
    public DayOfWeek peakWeekday() {
        long[] days = byWeekday();
        int best = argMax(days);
        return best < 0 ? null : DayOfWeek.of(best + 1);
    }

    /** Start hour of the busiest three-hour window (wrapping past midnight), or -1 when empty. */
    public int peakThreeHourStart() {
        long[] hours = byHour();
        int best = -1;
        long bestCount = 0;
        for (int h = 0; h < 24; h++) {
            long count = hours[h] + hours[(h + 1) % 24] + hours[(h + 2) % 24];
            if (count > bestCount) {
                bestCount = count;
                best = h;
            }
        }
        return best;
    }

    private static int argMax(long[] values) {
        int best = -1;
        long bestValue = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] > bestValue) {
                bestValue = values[i];
                best = i;
            }
        }
        return best;
    }
}
