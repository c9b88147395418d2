package org.khareetaty.analysis.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.khareetaty.common.TaskContext;
import smile.clustering.DBSCAN;
import smile.clustering.PartitionClustering;

class DbscanTest {

    @Test
    void matchesSmileOnRealPhiladelphiaPoints() throws Exception {
        assumeTrue(PhiladelphiaData.present(2024), "Philadelphia data not present under ../shared/data: skipped");
        double[][] lonLat = PhiladelphiaData.lonLat(2024, 60_000);
        ProjectedPoints points = MetricProjection.utm(18, true).project(lonLat[0], lonLat[1]);
        compareWithSmile(points.x(), points.y(), 150, 25);
        compareWithSmile(points.x(), points.y(), 80, 6);
    }

    @Test
    void matchesSmileOnClusteredSyntheticPoints() {
        Random random = new Random(7);
        int n = 6_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (i % 3 == 0) {
                x[i] = random.nextDouble() * 5_000;
                y[i] = random.nextDouble() * 5_000;
            } else {
                int centre = random.nextInt(12);
                x[i] = 400 * centre + random.nextGaussian() * 60;
                y[i] = 300 * (centre % 5) + random.nextGaussian() * 60;
            }
            // Block-rounded addresses: many incidents share one coordinate.
            if (i % 5 == 0 && i > 0) {
                x[i] = x[i - 1];
                y[i] = y[i - 1];
            }
        }
        compareWithSmile(x, y, 50, 10);
        compareWithSmile(x, y, 120, 4);
        compareWithSmile(x, y, 30, 2);
    }

    @Test
    void pointsExactlyEpsApartAreNeighbours() {
        double[] x = {0, 100, 200, 1000};
        double[] y = {0, 0, 0, 0};
        Dbscan.Result result = Dbscan.run(x, y, 100, 2, TaskContext.NONE);
        assertThat(result.clusterCount()).isEqualTo(1);
        assertThat(result.labels()).containsExactly(0, 0, 0, Dbscan.NOISE);
        assertThat(result.noiseCount()).isEqualTo(1);
    }

    private static void compareWithSmile(double[] x, double[] y, double eps, int minPoints) {
        int n = x.length;
        Dbscan.Result ours = Dbscan.run(x, y, eps, minPoints, TaskContext.NONE);

        double[][] data = new double[n][];
        for (int i = 0; i < n; i++) {
            data[i] = new double[] {x[i], y[i]};
        }
        // Smile's range search leaves out the query point, so its minPts counts one point fewer.
        DBSCAN<double[]> smile = DBSCAN.fit(data, minPoints - 1, eps);
        boolean[] core = bruteForceCore(x, y, eps, minPoints);

        assertThat(ours.core()).as("core points").isEqualTo(core);
        assertThat(ours.clusterCount()).as("clusters").isEqualTo(smile.k);
        long smileNoise = Arrays.stream(smile.y).filter(label -> label == PartitionClustering.OUTLIER).count();
        assertThat(ours.noiseCount()).as("noise").isEqualTo(smileNoise);
        Map<Integer, Integer> ourToSmile = new HashMap<>();
        Map<Integer, Integer> smileToOur = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (!core[i]) {
                continue;
            }
            Integer previous = ourToSmile.putIfAbsent(ours.labels()[i], smile.y[i]);
            assertThat(previous == null || previous == smile.y[i]).as("core point %d in one Smile cluster", i).isTrue();
            Integer back = smileToOur.putIfAbsent(smile.y[i], ours.labels()[i]);
            assertThat(back == null || back == ours.labels()[i]).as("core point %d in one cluster of ours", i).isTrue();
        }
        assertThat(ourToSmile).hasSize(ours.clusterCount());
        for (int i = 0; i < n; i++) {
            assertThat(ours.labels()[i] == Dbscan.NOISE).as("noise at %d", i)
                    .isEqualTo(smile.y[i] == PartitionClustering.OUTLIER);
        }
    }

    /** Core flags by a plain sweep over x-sorted points, independent of the grid. */
    private static boolean[] bruteForceCore(double[] x, double[] y, double eps, int minPoints) {
        int n = x.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        boolean[] core = new boolean[n];
        for (int a = 0; a < n; a++) {
            int i = order[a];
            int count = 0;
            for (int b = a; b >= 0 && x[i] - x[order[b]] <= eps; b--) {
                count += within(x, y, i, order[b], eps) ? 1 : 0;
            }
            for (int b = a + 1; b < n && x[order[b]] - x[i] <= eps; b++) {
                count += within(x, y, i, order[b], eps) ? 1 : 0;
            }
            core[i] = count >= minPoints;
        }
        return core;
    }

    private static boolean within(double[] x, double[] y, int i, int j, double eps) {
        double dx = x[i] - x[j];
        double dy = y[i] - y[j];
        return Math.sqrt(dx * dx + dy * dy) <= eps;
    }
}
