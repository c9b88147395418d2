package org.khareetaty.analysis.forecast;

import java.util.Arrays;

/**
 * Located incidents reduced to what a hotspot forecast needs: the grid cell and the local epoch day of
 * each, sorted by day so any time window is a contiguous slice.
 */
public final class GridEvents {

    private final int[] days;
    private final int[] cells;

    private GridEvents(int[] days, int[] cells) {
        this.days = days;
        this.cells = cells;
    }

    /** From parallel arrays (any order); events with cell -1 (outside the region) are dropped. */
    public static GridEvents of(int[] days, int[] cells, int count) {
        long[] packed = new long[count];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (cells[i] >= 0) {
                packed[kept++] = ((long) days[i] << 32) | (cells[i] & 0xffffffffL);
            }
        }
        long[] sorted = Arrays.copyOf(packed, kept);
        Arrays.sort(sorted);
        int[] d = new int[kept];
        int[] c = new int[kept];
        for (int i = 0; i < kept; i++) {
            d[i] = (int) (sorted[i] >> 32);
            c[i] = (int) sorted[i];
        }
        return new GridEvents(d, c);
    }

    public int size() {
        return days.length;
    }

    public int day(int i) {
        return days[i];
    }

    public int cell(int i) {
        return cells[i];
    }

    /** Index of the first event on or after {@code day}. */
    public int firstOnOrAfter(int day) {
        int lo = 0;
        int hi = days.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (days[mid] < day) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Events per cell on days {@code [fromDay, toDay)}. */
    public double[] counts(int cellCount, int fromDay, int toDay) {
        double[] counts = new double[cellCount];
        for (int i = firstOnOrAfter(fromDay), end = firstOnOrAfter(toDay); i < end; i++) {
            counts[cells[i]]++;
        }
        return counts;
    }

    /** Events per cell on days {@code [fromDay, toDay)}, each weighted by 0.5^(age / halfLife) at {@code toDay}. */
    public double[] decayedCounts(int cellCount, int fromDay, int toDay, double halfLifeDays) {
        double[] counts = new double[cellCount];
        int span = toDay - fromDay;
        double[] weightOfAge = new double[Math.max(1, span + 1)];
        for (int age = 0; age < weightOfAge.length; age++) {
            weightOfAge[age] = Math.pow(0.5, age / halfLifeDays);
        }
        for (int i = firstOnOrAfter(fromDay), end = firstOnOrAfter(toDay); i < end; i++) {
            counts[cells[i]] += weightOfAge[toDay - 1 - days[i]];
        }
        return counts;
    }
}
