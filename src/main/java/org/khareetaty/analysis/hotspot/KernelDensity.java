package org.khareetaty.analysis.hotspot;

import java.util.stream.IntStream;
import org.khareetaty.common.TaskContext;

/**
 * Kernel density estimation evaluated exactly at cell centres: every point adds its own kernel value
 * at every cell centre it can reach — no binning of points to cells.
 *
 * <p><b>Gaussian</b>: K(d) = exp(−d²/2h²) / (2πh²), h = bandwidth. It is cut off outside a square of
 * half-width R = h·√(2·ln(n/ε)) around each point (ε = {@value #TOLERANCE}): a cell centre outside the
 * square is farther than R, so the n points together leave out at most n·K(R) = ε·K(0) at any cell,
 * i.e. at most ε times the peak of a single incident's kernel. Every cell whose density is at least one
 * incident's peak is therefore within relative error ε; fainter cells are within that absolute error.
 * Inside the square exp(−(dx²+dy²)/2h²) = exp(−dx²/2h²)·exp(−dy²/2h²) is evaluated as a product of
 * per-column and per-row factors computed from the point's exact position (exact, merely factored).
 *
 * <p><b>Quartic</b> (biweight): K(d) = 3/(πh²)·(1 − d²/h²)² for d &lt; h, else 0; h is the search radius.
 * It has no tail, so nothing is truncated.
 */
public final class KernelDensity {

    /** Largest share of one incident's peak density that truncation may leave out at any cell. */
    public static final double TOLERANCE = 1e-4;

    /** The kernel shape. */
    public enum Kernel {
        GAUSSIAN, QUARTIC
    }

    private KernelDensity() {
    }

    /** The Gaussian truncation half-width for n points and bandwidth h (metres). */
    public static double gaussianCutoff(int n, double bandwidth) {
        return bandwidth * Math.sqrt(2 * Math.log(Math.max(n, 1) / TOLERANCE));
    }

    /**
     * Adds {@code scale} × density (per m²) of the points to every cell centre of {@code grid}.
     * Work is split over the available cores, each summing into its own copy of the grid.
     */
    public static void accumulate(double[] x, double[] y, Kernel kernel, double bandwidth, double scale,
            GridSurface grid, TaskContext context) {
        if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
            throw new IllegalArgumentException("Bandwidth must be a positive number of metres, not " + bandwidth);
        }
        int n = x.length;
        int workers = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 20_000 + 1));
        double[][] partial = new double[workers][];
        int chunk = 8_192;
        int chunks = (n + chunk - 1) / chunk;
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        IntStream.range(0, workers).parallel().forEach(w -> {
            double[] sum = new double[grid.values().length];
            partial[w] = sum;
            Accumulator accumulator = kernel == Kernel.GAUSSIAN
                    ? new GaussianAccumulator(grid, bandwidth, gaussianCutoff(n, bandwidth), sum)
                    : new QuarticAccumulator(grid, bandwidth, sum);
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
                context.checkCancelled();
                for (int i = c * chunk, end = Math.min(n, (c + 1) * chunk); i < end; i++) {
                    accumulator.add(x[i], y[i]);
                }
                context.progress(done.incrementAndGet(), chunks, "Kernel density");
            }
        });
        double[] values = grid.values();
        double normalisation = scale * (kernel == Kernel.GAUSSIAN
                ? 1 / (2 * Math.PI * bandwidth * bandwidth)
                : 3 / (Math.PI * bandwidth * bandwidth));
        for (int k = 0; k < values.length; k++) {
            double total = 0;
            for (double[] sum : partial) {
                total += sum[k];
            }
            values[k] += total * normalisation;
        }
    }

    /** Adds one point's unnormalised kernel to a grid. */
    private interface Accumulator {
        void add(double px, double py);
    }

    private static final class GaussianAccumulator implements Accumulator {
        private final GridSurface grid;
        private final double cutoff;
        private final double inverseTwoH2;
        private final double[] sum;
        private final double[] columnFactor;
        private final double[] rowFactor;

        GaussianAccumulator(GridSurface grid, double bandwidth, double cutoff, double[] sum) {
            this.grid = grid;
            this.cutoff = cutoff;
            this.inverseTwoH2 = 1 / (2 * bandwidth * bandwidth);
            this.sum = sum;
            int span = (int) Math.ceil(2 * cutoff / grid.cellSize()) + 2;
            this.columnFactor = new double[span];
            this.rowFactor = new double[span];
        }

        @Override
        public void add(double px, double py) {
            double cell = grid.cellSize();
            int firstColumn = Math.max(0, (int) Math.ceil((px - cutoff - grid.originX()) / cell - 0.5));
            int lastColumn = Math.min(grid.columns() - 1, (int) Math.floor((px + cutoff - grid.originX()) / cell - 0.5));
            int firstRow = Math.max(0, (int) Math.ceil((py - cutoff - grid.originY()) / cell - 0.5));
            int lastRow = Math.min(grid.rows() - 1, (int) Math.floor((py + cutoff - grid.originY()) / cell - 0.5));
            if (firstColumn > lastColumn || firstRow > lastRow) {
                return;
            }
            for (int c = firstColumn; c <= lastColumn; c++) {
                double dx = grid.cellCentreX(c) - px;
                columnFactor[c - firstColumn] = Math.exp(-dx * dx * inverseTwoH2);
            }
            for (int r = firstRow; r <= lastRow; r++) {
                double dy = grid.cellCentreY(r) - py;
                rowFactor[r - firstRow] = Math.exp(-dy * dy * inverseTwoH2);
            }
            int columns = grid.columns();
            int width = lastColumn - firstColumn + 1;
            for (int r = firstRow; r <= lastRow; r++) {
                double fy = rowFactor[r - firstRow];
                int base = r * columns + firstColumn;
                for (int k = 0; k < width; k++) {
                    sum[base + k] += fy * columnFactor[k];
                }
            }
        }
    }

    private static final class QuarticAccumulator implements Accumulator {
        private final GridSurface grid;
        private final double radius;
        private final double inverseH2;
        private final double[] sum;

        QuarticAccumulator(GridSurface grid, double bandwidth, double[] sum) {
            this.grid = grid;
            this.radius = bandwidth;
            this.inverseH2 = 1 / (bandwidth * bandwidth);
            this.sum = sum;
        }

        @Override
        public void add(double px, double py) {
            double cell = grid.cellSize();
            int firstColumn = Math.max(0, (int) Math.ceil((px - radius - grid.originX()) / cell - 0.5));
            int lastColumn = Math.min(grid.columns() - 1, (int) Math.floor((px + radius - grid.originX()) / cell - 0.5));
            int firstRow = Math.max(0, (int) Math.ceil((py - radius - grid.originY()) / cell - 0.5));
            int lastRow = Math.min(grid.rows() - 1, (int) Math.floor((py + radius - grid.originY()) / cell - 0.5));
            int columns = grid.columns();
            for (int r = firstRow; r <= lastRow; r++) {
                double dy = grid.cellCentreY(r) - py;
                double dy2 = dy * dy * inverseH2;
                if (dy2 >= 1) {
                    continue;
                }
                for (int c = firstColumn; c <= lastColumn; c++) {
                    double dx = grid.cellCentreX(c) - px;
                    double u = dx * dx * inverseH2 + dy2;
                    if (u < 1) {
                        double t = 1 - u;
                        sum[r * columns + c] += t * t;
                    }
                }
            }
        }
    }
}
