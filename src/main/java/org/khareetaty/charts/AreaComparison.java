package org.khareetaty.charts;

import java.util.List;

/**
 * Incidents per area of one kind in the chart's window, the window of the same length before it and the same
 * dates a year earlier. Rows are ordered by the current count, largest first; {@code areaCount} is how many areas
 * of the kind exist (rows may hold fewer when only the largest are shown).
 */
public record AreaComparison(String kind, DateWindow window, List<AreaCounts> rows, int areaCount) {

    public AreaComparison {
        rows = List.copyOf(rows);
    }

    public DateWindow previousWindow() {
        return window.previous();
    }

    public DateWindow yearEarlierWindow() {
        return window.yearEarlier();
    }

    /** One area's counts in the three windows. */
    public record AreaCounts(AreaInfo area, long current, long previous, long yearEarlier) {

        /** Percent change against the previous window; null when that window had no incidents. */
        public Double changeVsPrevious() {
            return percentChange(current, previous);
        }

        /** Percent change against the same dates a year earlier; null when those had no incidents. */
        public Double changeVsYearEarlier() {
            return percentChange(current, yearEarlier);
        }

        /** Incidents in the window per 100,000 residents; null when the population is unknown or zero. */
        public Double ratePer100k() {
            Long population = area.population();
            return population == null || population <= 0 ? null : current * 100_000.0 / population;
        }

        private static Double percentChange(long now, long before) {
            return before == 0 ? null : (now - before) * 100.0 / before;
        }
    }
}
