package org.khareetaty.analysis.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.khareetaty.common.TaskContext;

class KernelDensityTest {

    @Test
    void gaussianMatchesADirectSumOnSampledCells() {
        double[][] xy = clusteredPoints(5_000, 11);
        checkAgainstDirectSum(xy[0], xy[1], KernelDensity.Kernel.GAUSSIAN, 200, 100);
    }

    @Test
    void quarticMatchesADirectSumOnSampledCells() {
        double[][] xy = clusteredPoints(5_000, 12);
        checkAgainstDirectSum(xy[0], xy[1], KernelDensity.Kernel.QUARTIC, 250, 60);
    }

    @Test
    void gaussianMatchesADirectSumOnRealPhiladelphiaPoints() throws Exception {
        assumeTrue(PhiladelphiaData.present(2024), "Philadelphia data not present under ../shared/data: skipped");
        double[][] lonLat = PhiladelphiaData.lonLat(2024, 40_000);
        ProjectedPoints points = MetricProjection.utm(18, true).project(lonLat[0], lonLat[1]);
        checkAgainstDirectSum(points.x(), points.y(), KernelDensity.Kernel.GAUSSIAN, 200, 100);
    }

    @Test
    void densityIntegratesToTheIncidentCount() {
        double[][] xy = clusteredPoints(2_000, 13);
        GridSurface grid = grid(xy, 50, 3_000);
        KernelDensity.accumulate(xy[0], xy[1], KernelDensity.Kernel.GAUSSIAN, 150, 1, grid, TaskContext.NONE);
        double total = 0;
        for (double v : grid.values()) {
            total += v * 50 * 50;
        }
        // The grid reaches 3 km past every point (20 bandwidths): practically all mass is inside.
        assertThat(total).isCloseTo(2_000, org.assertj.core.api.Assertions.within(2_000 * 1e-3));
    }

    private static void checkAgainstDirectSum(double[] x, double[] y, KernelDensity.Kernel kernel, double bandwidth,
            double cell) {
        GridSurface grid = grid(new double[][] {x, y}, cell, 0);
        KernelDensity.accumulate(x, y, kernel, bandwidth, 1e6, grid, TaskContext.NONE);
        double peak = 1e6 / (2 * Math.PI * bandwidth * bandwidth);
        Random random = new Random(5);
        int checked = 0;
        int relative = 0;
        for (int s = 0; s < 300; s++) {
            int row = random.nextInt(grid.rows());
            int column = random.nextInt(grid.columns());
            double cx = grid.cellCentreX(column);
            double cy = grid.cellCentreY(row);
            double direct = 0;
            for (int i = 0; i < x.length; i++) {
                double d2 = (x[i] - cx) * (x[i] - cx) + (y[i] - cy) * (y[i] - cy);
                if (kernel == KernelDensity.Kernel.GAUSSIAN) {
                    direct += Math.exp(-d2 / (2 * bandwidth * bandwidth)) / (2 * Math.PI * bandwidth * bandwidth);
                } else if (d2 < bandwidth * bandwidth) {
                    double t = 1 - d2 / (bandwidth * bandwidth);
                    direct += 3 / (Math.PI * bandwidth * bandwidth) * t * t;
                }
            }
            direct *= 1e6;
            double ours = grid.value(row, column);
            double error = Math.abs(ours - direct);
            if (kernel == KernelDensity.Kernel.QUARTIC) {
                assertThat(error).as("cell %d,%d", row, column).isLessThanOrEqualTo(1e-9 * Math.max(direct, 1e-300) + 1e-12);
            } else {
                // Relative error ≤ 1e-4 wherever the density reaches one incident's peak; absolute bound elsewhere.
                assertThat(error).as("cell %d,%d: %s vs %s", row, column, ours, direct)
                        .isLessThanOrEqualTo(1e-4 * Math.max(direct, peak));
                if (direct >= peak) {
                    assertThat(error / direct).isLessThanOrEqualTo(1e-4);
                    relative++;
                }
            }
            checked++;
        }
        assertThat(checked).isEqualTo(300);
        if (kernel == KernelDensity.Kernel.GAUSSIAN) {
            assertThat(relative).as("cells with real density among the sample").isGreaterThan(30);
        }
    }

    private static GridSurface grid(double[][] xy, double cell, double margin) {
        double minX = java.util.Arrays.stream(xy[0]).min().orElseThrow() - margin;
        double maxX = java.util.Arrays.stream(xy[0]).max().orElseThrow() + margin;
        double minY = java.util.Arrays.stream(xy[1]).min().orElseThrow() - margin;
        double maxY = java.util.Arrays.stream(xy[1]).max().orElseThrow() + margin;
        return GridSurface.covering("density", MetricProjection.utm(18, true),
                new HotspotPoints.Extent(minX, minY, maxX, maxY), cell, "test");
    }

    private static double[][] clusteredPoints(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int centre = random.nextInt(6);
            x[i] = 480_000 + 900 * centre + random.nextGaussian() * (150 + 40 * centre);
            y[i] = 4_420_000 + 500 * (centre % 3) + random.nextGaussian() * 200;
        }
        return new double[][] {x, y};
    }
}
