package org.khareetaty.map;

import org.khareetaty.store.IncidentSnapshot;

/**
 * A spatial index of located incidents (rows of an {@link IncidentSnapshot}) for drawing and hit tests:
 * points sorted by a 2^14 x 2^14 grid of normalised Web Mercator cells, so a window query is one binary
 * search per grid row it spans. Immutable; built on a background thread in about 0.1 s for 1.5 million
 * incidents.
 */
public final class PointIndex {

    /** Receives the positions (in index order) of points inside a query window. */
    @FunctionalInterface
    public interface Visitor {
        void visit(int position);
    }

    static final int CELL_BITS = 14;
    private static final int CELLS = 1 << CELL_BITS;
    /** Most grid cells the points may span for the one-pass counting sort (4 MB of counters). */
    static final int MAX_BUCKETS = 1 << 20;

    private final int[] rows;
    private final int[] cells;
    private final double[] x;
    private final double[] y;
    private final short[] category;

    private PointIndex(int[] rows, int[] cells, double[] x, double[] y, short[] category) {
        this.rows = rows;
        this.cells = cells;
        this.x = x;
        this.y = y;
        this.category = category;
    }

    /**
     * Indexes the given rows of the snapshot; rows without a location are skipped. The projection is computed
     * once per point and the points are put in cell order by a counting sort: an agency's incidents fall in a
     * few hundred cells of the grid, so one histogram over the cells they span orders them and each point is
     * written once to its place (1.5 million incidents: about 0.1 s). Points spread over more of the world
     * than {@value #MAX_BUCKETS} cells are ordered by a two-pass radix sort instead.
     */
    public static PointIndex build(IncidentSnapshot snapshot, int[] candidateRows) {
        int n = 0;
        int[] located = new int[candidateRows.length];
        double[] px = new double[candidateRows.length];
        double[] py = new double[candidateRows.length];
        int[] pointCell = new int[candidateRows.length];
        int minCx = CELLS;
        int maxCx = -1;
        int minCy = CELLS;
        int maxCy = -1;
        for (int row : candidateRows) {
            if (!snapshot.isLocated(row)) {
                continue;
            }
            double nx = WebMercator.x(snapshot.lon(row));
            double ny = WebMercator.y(snapshot.lat(row));
            int cell = cellOf(nx, ny);
            int cx = cell & (CELLS - 1);
            int cy = cell >>> CELL_BITS;
            minCx = Math.min(minCx, cx);
            maxCx = Math.max(maxCx, cx);
            minCy = Math.min(minCy, cy);
            maxCy = Math.max(maxCy, cy);
            located[n] = row;
            px[n] = nx;
            py[n] = ny;
            pointCell[n] = cell;
            n++;
        }
        int[] rows = new int[n];
        int[] cells = new int[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        short[] categories = new short[n];
        long spanX = maxCx - minCx + 1L;
        long span = spanX * (maxCy - minCy + 1L);
        if (n > 0 && span <= MAX_BUCKETS) {
            // Buckets in (row, column) order of the cells spanned: bucket order is cell order.
            int[] next = new int[(int) span + 1];
            for (int i = 0; i < n; i++) {
                next[bucket(pointCell[i], minCx, minCy, spanX) + 1]++;
            }
            for (int b = 0; b < span; b++) {
                next[b + 1] += next[b];
            }
            for (int i = 0; i < n; i++) {
                int to = next[bucket(pointCell[i], minCx, minCy, spanX)]++;
                rows[to] = located[i];
                cells[to] = pointCell[i];
                xs[to] = px[i];
                ys[to] = py[i];
                categories[to] = (short) snapshot.categoryIndex(located[i]);
            }
        } else {
            int[] order = sortByCell(pointCell, n);
            for (int i = 0; i < n; i++) {
                int p = order[i];
                rows[i] = located[p];
                cells[i] = pointCell[p];
                xs[i] = px[p];
                ys[i] = py[p];
                categories[i] = (short) snapshot.categoryIndex(located[p]);
            }
        }
        return new PointIndex(rows, cells, xs, ys, categories);
    }

    private static int bucket(int cell, int minCx, int minCy, long spanX) {
        return (int) (((cell >>> CELL_BITS) - minCy) * spanX + ((cell & (CELLS - 1)) - minCx));
    }

    /** Positions 0..n-1 ordered by cell, equal cells in position order (LSD radix sort, 14 bits a pass). */
    static int[] sortByCell(int[] cell, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        for (int shift = 0; shift < 2 * CELL_BITS; shift += CELL_BITS) {
            int[] start = new int[CELLS + 1];
            for (int i = 0; i < n; i++) {
                start[((cell[order[i]] >>> shift) & (CELLS - 1)) + 1]++;
            }
            for (int b = 0; b < CELLS; b++) {
                start[b + 1] += start[b];
            }
            for (int i = 0; i < n; i++) {
                int p = order[i];
                buffer[start[(cell[p] >>> shift) & (CELLS - 1)]++] = p;
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    private static int cellOf(double nx, double ny) {
        int cx = Math.min(CELLS - 1, Math.max(0, (int) (nx * CELLS)));
        int cy = Math.min(CELLS - 1, Math.max(0, (int) (ny * CELLS)));
        return (cy << CELL_BITS) | cx;
    }

    public int size() {
        return rows.length;
    }

    /** The snapshot row of the point at an index position. */
    public int row(int position) {
        return rows[position];
    }

    public double normX(int position) {
        return x[position];
    }

    public double normY(int position) {
        return y[position];
    }

    public int categoryIndex(int position) {
        return category[position];
    }

    /** Visits every point inside the normalised window [x0, x1] x [y0, y1]. */
    public void visit(double x0, double y0, double x1, double y1, Visitor visitor) {
        int cx0 = clampCell(x0);
        int cx1 = clampCell(x1);
        int cy0 = clampCell(y0);
        int cy1 = clampCell(y1);
        for (int cy = cy0; cy <= cy1; cy++) {
            int from = lowerBound((cy << CELL_BITS) | cx0);
            int to = lowerBound(((cy << CELL_BITS) | cx1) + 1);
            for (int i = from; i < to; i++) {
                double px = x[i];
                double py = y[i];
                if (px >= x0 && px <= x1 && py >= y0 && py <= y1) {
                    visitor.visit(i);
                }
            }
        }
    }

    /** Visits every point the view shows, with a margin in pixels. */
    public void visit(MapViewport view, double marginPx, Visitor visitor) {
        double size = view.worldSize();
        visit((view.originX() - marginPx) / size, (view.originY() - marginPx) / size,
                (view.originX() + view.width() + marginPx) / size, (view.originY() + view.height() + marginPx) / size, visitor);
    }

    /** How many points the view shows. */
    public int count(MapViewport view) {
        int[] count = {0};
        visit(view, 0, position -> count[0]++);
        return count[0];
    }

    /** The index position of the point nearest to pixel (px, py) within {@code radiusPx}, or -1. */
    public int nearest(MapViewport view, double px, double py, double radiusPx) {
        double size = view.worldSize();
        double cx = (px + view.originX()) / size;
        double cy = (py + view.originY()) / size;
        double r = radiusPx / size;
        double[] best = {r * r};
        int[] found = {-1};
        visit(cx - r, cy - r, cx + r, cy + r, position -> {
            double dx = x[position] - cx;
            double dy = y[position] - cy;
            double d = dx * dx + dy * dy;
            if (d <= best[0]) {
                best[0] = d;
                found[0] = position;
            }
        });
        return found[0];
    }

    private static int clampCell(double v) {
        return Math.min(CELLS - 1, Math.max(0, (int) Math.floor(v * CELLS)));
    }

    private int lowerBound(int cell) {
        int lo = 0;
        int hi = cells.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cells[mid] < cell) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
