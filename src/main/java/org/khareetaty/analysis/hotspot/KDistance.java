package org.khareetaty.analysis.hotspot;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.khareetaty.common.TaskContext;

/**
 * The k-distance plot for choosing DBSCAN's eps: for a sample of points, the distance to the
 * (minPoints − 1)-th nearest other point, sorted from largest to smallest. A point is core exactly when
 * this distance is ≤ eps, so the curve shows how many points become core at each eps; the "knee" where
 * it flattens is the usual choice.
 */
public final class KDistance {

    public static final int DEFAULT_SAMPLE = 20_000;

    /** The sorted distances (metres, largest first) and the knee of the curve. */
    public record Curve(int minPoints, double[] distances, int sampled, int total, double kneeMetres) {

        /** The share of sampled points that would be core at eps (distance ≤ eps). */
        public double coreShareAt(double eps) {
            int core = 0;
            for (double d : distances) {
                if (d <= eps) {
                    core++;
                }
            }
            return distances.length == 0 ? 0 : core / (double) distances.length;
        }
    }

    private KDistance() {
    }

    public static Curve curve(double[] x, double[] y, int minPoints, int sampleSize, TaskContext context) {
        int n = x.length;
        int k = minPoints - 1;
        if (k < 1) {
            throw new IllegalArgumentException("min points must be at least 2, not " + minPoints);
        }
        if (n <= k) {
            return new Curve(minPoints, new double[0], 0, n, Double.NaN);
        }
        double width = Arrays.stream(x).max().orElseThrow() - Arrays.stream(x).min().orElseThrow();
        double height = Arrays.stream(y).max().orElseThrow() - Arrays.stream(y).min().orElseThrow();
        // Cells holding about k points on average keep each search to a few rings.
        double side = Math.max(1, Math.sqrt(Math.max(width * height, 1) / n * k));
        CellIndex index = new CellIndex(x, y, side);
        int sampled = Math.min(n, sampleSize);
        double step = n / (double) sampled;
        double[] distances = new double[sampled];
        IntStream.range(0, sampled).parallel().forEach(s -> {
            if ((s & 1023) == 0) {
                context.checkCancelled();
                context.progress(s, sampled, "k-distance");
            }
            int i = (int) (s * step);
            distances[s] = Math.sqrt(kthNeighbourDistance2(index, x[i], y[i], i, k));
        });
        Arrays.sort(distances);
        for (int a = 0, b = distances.length - 1; a < b; a++, b--) {
            double t = distances[a];
            distances[a] = distances[b];
            distances[b] = t;
        }
        return new Curve(minPoints, distances, sampled, n, knee(distances));
    }

    /** Squared distance from point {@code self} at (px, py) to its k-th nearest other point. */
    private static double kthNeighbourDistance2(CellIndex index, double px, double py, int self, int k) {
        double[] best = new double[k];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        int found = 0;
        int column = Math.min(index.columns - 1, (int) ((px - index.minX) / index.side));
        int row = Math.min(index.rows - 1, (int) ((py - index.minY) / index.side));
        int maxRing = Math.max(index.columns, index.rows);
        for (int ring = 0; ring <= maxRing; ring++) {
            double reach = (ring - 1) * index.side;
            if (found >= k && ring > 0 && reach > 0 && reach * reach >= best[k - 1]) {
                break;
            }
            for (int r = row - ring; r <= row + ring; r++) {
                if (r < 0 || r >= index.rows) {
                    continue;
                }
                boolean edgeRow = r == row - ring || r == row + ring;
                int step = edgeRow ? 1 : 2 * ring;
                for (int c = column - ring; c <= column + ring; c += Math.max(1, step)) {
                    if (c < 0 || c >= index.columns) {
                        continue;
                    }
                    int cell = index.lowerBound(r, c);
                    if (cell >= index.cellCount() || index.cellRow[cell] != r || index.cellColumn[cell] != c) {
                        continue;
                    }
                    for (int q = index.start[cell]; q < index.start[cell + 1]; q++) {
                        if (index.original[q] == self) {
                            continue;
                        }
                        double dx = index.x[q] - px;
                        double dy = index.y[q] - py;
                        double d2 = dx * dx + dy * dy;
                        if (d2 < best[k - 1]) {
                            int at = k - 1;
                            while (at > 0 && best[at - 1] > d2) {
                                best[at] = best[at - 1];
                                at--;
                            }
                            best[at] = d2;
                        }
                        found++;
                    }
                }
            }
        }
        return best[k - 1];
    }

    /** The point of the falling curve farthest from the straight line joining its ends. */
    static double knee(double[] descending) {
        int n = descending.length;
        if (n < 3) {
            return n == 0 ? Double.NaN : descending[n - 1];
        }
        // Ignore the extreme top of the curve (isolated outliers) so the knee reflects the bulk.
        int first = Math.min(n - 2, n / 100);
        double x0 = first;
        double y0 = descending[first];
        double x1 = n - 1;
        double y1 = descending[n - 1];
        double bestDistance = -1;
        int best = first;
        double dx = x1 - x0;
        double dy = y1 - y0;
        double norm = Math.hypot(dx / n, dy / Math.max(y0, 1e-9));
        for (int i = first; i < n; i++) {
            double u = (i - x0) / n;
            double v = (descending[i] - y0) / Math.max(y0, 1e-9);
            double distance = Math.abs(u * (dy / Math.max(y0, 1e-9)) - v * (dx / n)) / norm;
            if (distance > bestDistance) {
                bestDistance = distance;
                best = i;
            }
        }
        return descending[best];
    }
}
