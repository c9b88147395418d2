package org.khareetaty.analysis.hotspot;

import java.util.Arrays;

/**
 * Points bucketed into square cells and stored cell by cell in primitive arrays: {@code x[p], y[p]} is
 * the p-th point in cell order and {@code original[p]} its index in the input. Occupied cells are sorted
 * by (row, column), so the cells of one row within a column range are found with one binary search.
 * Built with two stable counting sorts (by column, then by row): O(n + rows + columns).
 */
final class CellIndex {

    final double side;
    final double minX;
    final double minY;
    final int columns;
    final int rows;
    /** Point coordinates in cell order. */
    final double[] x;
    final double[] y;
    /** Input index of each point in cell order. */
    final int[] original;
    /** Occupied cells: points of cell c are {@code [start[c], start[c + 1])}. */
    final int[] start;
    final int[] cellColumn;
    final int[] cellRow;
    private final long[] cellKey;

    CellIndex(double[] px, double[] py, double side) {
        int n = px.length;
        if (n == 0) {
            throw new IllegalArgumentException("No points");
        }
        if (!(side > 0) || Double.isInfinite(side)) {
            throw new IllegalArgumentException("Cell side must be a positive number of metres, not " + side);
        }
        double lowX = Double.POSITIVE_INFINITY;
        double lowY = Double.POSITIVE_INFINITY;
        double highX = Double.NEGATIVE_INFINITY;
        double highY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            lowX = Math.min(lowX, px[i]);
            lowY = Math.min(lowY, py[i]);
            highX = Math.max(highX, px[i]);
            highY = Math.max(highY, py[i]);
        }
        if (!Double.isFinite(lowX) || !Double.isFinite(lowY) || !Double.isFinite(highX) || !Double.isFinite(highY)) {
            throw new IllegalArgumentException("Point coordinates must be finite");
        }
        this.side = side;
        this.minX = lowX;
        this.minY = lowY;
        double spanColumns = Math.floor((highX - lowX) / side) + 1;
        double spanRows = Math.floor((highY - lowY) / side) + 1;
        if (spanColumns > 1 << 28 || spanRows > 1 << 28) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "The points span %.0f × %.0f m: too large for a distance of %.3f m", highX - lowX, highY - lowY, side));
        }
        this.columns = (int) spanColumns;
        this.rows = (int) spanRows;

        int[] column = new int[n];
        int[] row = new int[n];
        for (int i = 0; i < n; i++) {
            column[i] = Math.min(columns - 1, (int) ((px[i] - lowX) / side));
            row[i] = Math.min(rows - 1, (int) ((py[i] - lowY) / side));
        }
        int[] byColumn = countingSort(identity(n), column, columns);
        int[] order = countingSort(byColumn, row, rows);

        this.original = order;
        this.x = new double[n];
        this.y = new double[n];
        int[] starts = new int[Math.min(n, 1 << 16) + 1];
        int[] cols = new int[starts.length];
        int[] rws = new int[starts.length];
        int cells = 0;
        int lastColumn = -1;
        int lastRow = -1;
        for (int p = 0; p < n; p++) {
            int i = order[p];
            x[p] = px[i];
            y[p] = py[i];
            if (column[i] != lastColumn || row[i] != lastRow) {
                if (cells + 1 >= starts.length) {
                    int grown = Math.min(n + 1, starts.length * 2);
                    starts = Arrays.copyOf(starts, grown);
                    cols = Arrays.copyOf(cols, grown);
                    rws = Arrays.copyOf(rws, grown);
                }
                starts[cells] = p;
                cols[cells] = column[i];
                rws[cells] = row[i];
                cells++;
                lastColumn = column[i];
                lastRow = row[i];
            }
        }
        starts[cells] = n;
        this.start = Arrays.copyOf(starts, cells + 1);
        this.cellColumn = Arrays.copyOf(cols, cells);
        this.cellRow = Arrays.copyOf(rws, cells);
        this.cellKey = new long[cells];
        for (int c = 0; c < cells; c++) {
            cellKey[c] = key(cellRow[c], cellColumn[c]);
        }
    }

    private static int[] identity(int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        return ids;
    }

    /** Stable counting sort of {@code items} by {@code bucket[item]} in [0, buckets). */
    private static int[] countingSort(int[] items, int[] bucket, int buckets) {
        int[] count = new int[buckets + 1];
        for (int item : items) {
            count[bucket[item] + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            count[b + 1] += count[b];
        }
        int[] sorted = new int[items.length];
        for (int item : items) {
            sorted[count[bucket[item]]++] = item;
        }
        return sorted;
    }

    private long key(long row, long column) {
        return row * columns + column;
    }

    /** West edge of an occupied cell. */
    double cellMinX(int cell) {
        return minX + cellColumn[cell] * side;
    }

    /** South edge of an occupied cell. */
    double cellMinY(int cell) {
        return minY + cellRow[cell] * side;
    }

    int cellCount() {
        return cellKey.length;
    }

    int size(int cell) {
        return start[cell + 1] - start[cell];
    }

    /** First occupied cell at or after (row, column) in (row, column) order. */
    int lowerBound(int row, int column) {
        int index = Arrays.binarySearch(cellKey, key(row, column));
        return index >= 0 ? index : -index - 1;
    }

    /**
     * Occupied cells within {@code reach} columns and rows of each cell (including the cell itself), in
     * compressed-row form: the neighbours of cell c are {@code list[offsets[c] .. offsets[c + 1])}.
     */
    int[][] neighbourCells(int reach) {
        int cells = cellCount();
        int[] offsets = new int[cells + 1];
        int[] list = new int[Math.max(16, cells * 9)];
        int size = 0;
        for (int c = 0; c < cells; c++) {
            offsets[c] = size;
            int column = cellColumn[c];
            for (int row = cellRow[c] - reach; row <= cellRow[c] + reach; row++) {
                if (row < 0 || row >= rows) {
                    continue;
                }
                long lastKey = key(row, Math.min(columns - 1L, column + (long) reach));
                for (int d = lowerBound(row, Math.max(0, column - reach)); d < cells && cellKey[d] <= lastKey; d++) {
                    if (size == list.length) {
                        list = Arrays.copyOf(list, list.length * 2);
                    }
                    list[size++] = d;
                }
            }
        }
        offsets[cells] = size;
        return new int[][] {offsets, Arrays.copyOf(list, size)};
    }
}
