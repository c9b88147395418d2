package org.khareetaty.analysis.hotspot;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.khareetaty.common.TaskContext;

/**
 * Exact DBSCAN on planar points in metres, with scikit-learn's convention: a point is core when at
 * least {@code minPoints} points, itself included, lie within {@code eps} (distance ≤ eps).
 *
 * <p>Points are bucketed into square cells of side just under eps/√2, so any two points of one cell are
 * neighbours and all neighbours of a point lie in the 5 × 5 cells around it. Core points are found per
 * cell (a cell holding ≥ minPoints points is all core, other points count neighbours with early exit);
 * clusters are connected components of cells holding core points, joined by a union-find when some
 * pair of their core points is within eps (skipped once both cells are already joined). Border points
 * join the cluster of a core point within eps; everything else is noise. This yields exactly the
 * clusters and noise of textbook DBSCAN; a border point near two clusters may go to either, as there.
 * Clusters are numbered in the order of their lowest-index core point, as scikit-learn numbers them.
 */
public final class Dbscan {

    public static final int NOISE = -1;
    /** Cells are this much smaller than eps/√2 so that rounding can never make same-cell points non-neighbours. */
    private static final double CELL_SHRINK = 1 - 1e-9;
    private static final int REACH = 2;

    /** Labels per input point (cluster 0..k-1 or {@link #NOISE}) and which points are core. */
    public record Result(int[] labels, boolean[] core, int clusterCount, int noiseCount, int coreCount) {

        /** Number of points in each cluster. */
        public int[] clusterSizes() {
            int[] sizes = new int[clusterCount];
            for (int label : labels) {
                if (label >= 0) {
                    sizes[label]++;
                }
            }
            return sizes;
        }
    }

    private Dbscan() {
    }

    public static Result run(double[] x, double[] y, double eps, int minPoints, TaskContext context) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        if (!(eps > 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be a positive distance in metres, not " + eps);
        }
        if (minPoints < 1) {
            throw new IllegalArgumentException("minPoints must be at least 1, not " + minPoints);
        }
        int n = x.length;
        if (n == 0) {
            return new Result(new int[0], new boolean[0], 0, 0, 0);
        }
        context.progress(0, 4, "Indexing points");
        CellIndex index = new CellIndex(x, y, eps / Math.sqrt(2) * CELL_SHRINK);
        int[][] neighbourhood = index.neighbourCells(REACH);
        context.checkCancelled();
        context.progress(1, 4, "Finding core points");
        int[] coreInCell = findCorePoints(index, neighbourhood, eps * eps, minPoints, context);
        context.progress(2, 4, "Joining clusters");
        int[] cellCluster = joinCoreCells(index, neighbourhood, coreInCell, eps * eps, context);
        context.progress(3, 4, "Assigning border points");
        Result result = label(index, neighbourhood, coreInCell, cellCluster, eps * eps, context);
        context.progress(4, 4, "Done");
        return result;
    }

    /**
     * Marks core points and moves them to the front of their cell (x, y and original reordered in place).
     * Returns the number of core points per cell.
     */
    private static int[] findCorePoints(CellIndex index, int[][] neighbourhood, double eps2, int minPoints,
            TaskContext context) {
        int cells = index.cellCount();
        int[] coreInCell = new int[cells];
        int[] offsets = neighbourhood[0];
        int[] list = neighbourhood[1];
        double[] x = index.x;
        double[] y = index.y;
        double slack = index.side * 1e-7;
        boolean[] core = new boolean[x.length];
        forEachCellBlock(cells, context, (from, to) -> {
            for (int c = from; c < to; c++) {
                int first = index.start[c];
                int last = index.start[c + 1];
                int own = last - first;
                if (own >= minPoints) {
                    coreInCell[c] = own;
                    Arrays.fill(core, first, last, true);
                    continue;
                }
                int reachable = 0;
                for (int k = offsets[c]; k < offsets[c + 1]; k++) {
                    reachable += index.size(list[k]);
                }
                if (reachable < minPoints) {
                    continue;
                }
                int coreCount = 0;
                for (int p = first; p < last; p++) {
                    int count = own;
                    double px = x[p];
                    double py = y[p];
                    scan:
                    for (int k = offsets[c]; k < offsets[c + 1] && count < minPoints; k++) {
                        int d = list[k];
                        if (d == c) {
                            continue;
                        }
                        // Whole cells entirely inside or outside the eps disc need no per-point distances.
                        double x0 = index.cellMinX(d) - slack;
                        double x1 = x0 + index.side + 2 * slack;
                        double y0 = index.cellMinY(d) - slack;
                        double y1 = y0 + index.side + 2 * slack;
                        double farX = Math.max(px - x0, x1 - px);
                        double farY = Math.max(py - y0, y1 - py);
                        if (farX * farX + farY * farY <= eps2) {
                            count += index.size(d);
                            continue;
                        }
                        double nearX = Math.max(0, Math.max(x0 - px, px - x1));
                        double nearY = Math.max(0, Math.max(y0 - py, py - y1));
                        if (nearX * nearX + nearY * nearY > eps2) {
                            continue;
                        }
                        for (int q = index.start[d], end = index.start[d + 1]; q < end; q++) {
                            double dx = x[q] - px;
                            double dy = y[q] - py;
                            if (dx * dx + dy * dy <= eps2 && ++count >= minPoints) {
                                break scan;
                            }
                        }
                    }
                    core[p] = count >= minPoints;
                    if (core[p]) {
                        coreCount++;
                    }
                }
                coreInCell[c] = coreCount;
            }
        });
        // Reorder only after every cell is classified: other workers read neighbouring cells while counting.
        forEachCellBlock(cells, context, (from, to) -> {
            for (int c = from; c < to; c++) {
                if (coreInCell[c] > 0 && coreInCell[c] < index.size(c)) {
                    moveCoreToFront(index, index.start[c], index.start[c + 1], core);
                }
            }
        });
        return coreInCell;
    }

    private static void moveCoreToFront(CellIndex index, int first, int last, boolean[] core) {
        int write = first;
        for (int p = first; p < last; p++) {
            if (core[p]) {
                if (p != write) {
                    swap(index, p, write);
                    core[p] = core[write];
                    core[write] = true;
                }
                write++;
            }
        }
    }

    private static void swap(CellIndex index, int a, int b) {
        double tx = index.x[a];
        index.x[a] = index.x[b];
        index.x[b] = tx;
        double ty = index.y[a];
        index.y[a] = index.y[b];
        index.y[b] = ty;
        int to = index.original[a];
        index.original[a] = index.original[b];
        index.original[b] = to;
    }

    /** Union-find over cells with core points; returns the root cell of each cell (-1 without core points). */
    private static int[] joinCoreCells(CellIndex index, int[][] neighbourhood, int[] coreInCell, double eps2,
            TaskContext context) {
        int cells = index.cellCount();
        int[] parent = new int[cells];
        for (int c = 0; c < cells; c++) {
            parent[c] = coreInCell[c] > 0 ? c : -1;
        }
        int[] offsets = neighbourhood[0];
        int[] list = neighbourhood[1];
        double[] x = index.x;
        double[] y = index.y;
        for (int c = 0; c < cells; c++) {
            if ((c & 4095) == 0) {
                context.checkCancelled();
            }
            if (coreInCell[c] == 0) {
                continue;
            }
            for (int k = offsets[c]; k < offsets[c + 1]; k++) {
                int d = list[k];
                if (d <= c || coreInCell[d] == 0) {
                    continue;
                }
                int rootC = find(parent, c);
                int rootD = find(parent, d);
                if (rootC != rootD && anyPairWithin(index, c, d, coreInCell, x, y, eps2)) {
                    if (rootC < rootD) {
                        parent[rootD] = rootC;
                    } else {
                        parent[rootC] = rootD;
                    }
                }
            }
        }
        for (int c = 0; c < cells; c++) {
            if (parent[c] >= 0) {
                parent[c] = find(parent, c);
            }
        }
        return parent;
    }

    private static boolean anyPairWithin(CellIndex index, int c, int d, int[] coreInCell, double[] x, double[] y,
            double eps2) {
        int cFirst = index.start[c];
        int cEnd = cFirst + coreInCell[c];
        int dFirst = index.start[d];
        int dEnd = dFirst + coreInCell[d];
        for (int p = cFirst; p < cEnd; p++) {
            double px = x[p];
            double py = y[p];
            for (int q = dFirst; q < dEnd; q++) {
                double dx = x[q] - px;
                double dy = y[q] - py;
                if (dx * dx + dy * dy <= eps2) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int find(int[] parent, int c) {
        int root = c;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[c] != root) {
            int next = parent[c];
            parent[c] = root;
            c = next;
        }
        return root;
    }

    private static Result label(CellIndex index, int[][] neighbourhood, int[] coreInCell, int[] root, double eps2,
            TaskContext context) {
        int cells = index.cellCount();
        int n = index.x.length;
        // Number clusters by their lowest input index among core points, as scikit-learn does.
        int[] lowestCore = new int[cells];
        Arrays.fill(lowestCore, Integer.MAX_VALUE);
        for (int c = 0; c < cells; c++) {
            if (coreInCell[c] > 0) {
                int r = root[c];
                for (int p = index.start[c], end = p + coreInCell[c]; p < end; p++) {
                    lowestCore[r] = Math.min(lowestCore[r], index.original[p]);
                }
            }
        }
        int[] roots = IntStream.range(0, cells).filter(c -> coreInCell[c] > 0 && root[c] == c)
                .boxed().sorted((a, b) -> Integer.compare(lowestCore[a], lowestCore[b]))
                .mapToInt(Integer::intValue).toArray();
        int[] clusterOfRoot = new int[cells];
        for (int k = 0; k < roots.length; k++) {
            clusterOfRoot[roots[k]] = k;
        }
        int[] labels = new int[n];
        boolean[] core = new boolean[n];
        int[] offsets = neighbourhood[0];
        int[] list = neighbourhood[1];
        double[] x = index.x;
        double[] y = index.y;
        forEachCellBlock(cells, context, (from, to) -> {
            for (int c = from; c < to; c++) {
                int first = index.start[c];
                int coreEnd = first + coreInCell[c];
                int last = index.start[c + 1];
                int own = coreInCell[c] > 0 ? clusterOfRoot[root[c]] : NOISE;
                for (int p = first; p < coreEnd; p++) {
                    labels[index.original[p]] = own;
                    core[index.original[p]] = true;
                }
                for (int p = coreEnd; p < last; p++) {
                    labels[index.original[p]] = own != NOISE ? own
                            : borderCluster(index, offsets, list, c, p, coreInCell, root, clusterOfRoot, x, y, eps2);
                }
            }
        });
        int noise = 0;
        int coreCount = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] == NOISE) {
                noise++;
            }
            if (core[i]) {
                coreCount++;
            }
        }
        return new Result(labels, core, roots.length, noise, coreCount);
    }

    private static int borderCluster(CellIndex index, int[] offsets, int[] list, int c, int p, int[] coreInCell,
            int[] root, int[] clusterOfRoot, double[] x, double[] y, double eps2) {
        double px = x[p];
        double py = y[p];
        for (int k = offsets[c]; k < offsets[c + 1]; k++) {
            int d = list[k];
            if (coreInCell[d] == 0) {
                continue;
            }
            for (int q = index.start[d], end = q + coreInCell[d]; q < end; q++) {
                double dx = x[q] - px;
                double dy = y[q] - py;
                if (dx * dx + dy * dy <= eps2) {
                    return clusterOfRoot[root[d]];
                }
            }
        }
        return NOISE;
    }

    /** A range of cells processed by one worker. */
    @FunctionalInterface
    interface CellBlock {
        void process(int from, int to);
    }

    /** Runs cell blocks on the available cores; checks for cancel between blocks. */
    static void forEachCellBlock(int cells, TaskContext context, CellBlock block) {
        int blockSize = 2048;
        int blocks = (cells + blockSize - 1) / blockSize;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            context.checkCancelled();
            block.process(b * blockSize, Math.min(cells, (b + 1) * blockSize));
        });
    }
}
