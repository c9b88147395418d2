package org.khareetaty.analysis.hotspot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GetisOrdTest {

    /**
     * Five units in a row with values 1, 2, 3, 10, 4; each unit's neighbours are itself and the units beside it.
     * By hand: n = 5, X̄ = 4, S = √(130/5 − 16) = √10; for three neighbours the denominator is
     * √10·√((5·3 − 9)/4) = 3.872983, for two √10·√((5·2 − 4)/4) = 3.872983 as well.
     */
    @Test
    void zScoresMatchAHandComputedRow() {
        double[] values = {1, 2, 3, 10, 4};
        int[][] neighbours = {{0, 1}, {0, 1, 2}, {1, 2, 3}, {2, 3, 4}, {3, 4}};
        GetisOrd.Result result = GetisOrd.compute(values, neighbours);
        double denominator = 3.872983346207417;
        assertThat(result.z()[0]).isCloseTo((3 - 8) / denominator, within(1e-9));
        assertThat(result.z()[1]).isCloseTo((6 - 12) / denominator, within(1e-9));
        assertThat(result.z()[2]).isCloseTo((15 - 12) / denominator, within(1e-9));
        assertThat(result.z()[3]).isCloseTo((17 - 12) / denominator, within(1e-9));
        assertThat(result.z()[4]).isCloseTo((14 - 8) / denominator, within(1e-9));
        // |z| = 1.549 gives p = 0.1213: nothing is significant after correction.
        assertThat(result.p()[4]).isCloseTo(0.12134, within(1e-4));
        assertThat(result.confidence()).containsOnly(0);
    }

    @Test
    void normalTailIsAccurate() {
        assertThat(GetisOrd.normalUpperTail(1.959963985)).isCloseTo(0.025, within(1e-7));
        assertThat(GetisOrd.normalUpperTail(2.575829304)).isCloseTo(0.005, within(1e-7));
        assertThat(GetisOrd.normalUpperTail(0)).isCloseTo(0.5, within(1e-7));
    }

    /**
     * Benjamini–Hochberg on the textbook ten p-values: at 1 % one discovery (0.001 ≤ 0.001), at 5 % two
     * (0.008 ≤ 0.010 but 0.039 &gt; 0.015 …), at 10 % six (0.060 ≤ 0.060, 0.074 &gt; 0.070).
     */
    @Test
    void falseDiscoveryRateLevels() {
        double[] p = {0.001, 0.008, 0.039, 0.041, 0.042, 0.060, 0.074, 0.205, 0.212, 0.216};
        double[] z = {3, 2.5, 2, -2, 2, 1.9, 1.8, 1.2, 1.2, -1.2};
        int[] confidence = GetisOrd.confidence(z, p);
        assertThat(confidence).containsExactly(99, 95, 90, -90, 90, 90, 0, 0, 0, 0);
    }

    @Test
    void aClusterOfHighCountsIsAHotSpotOnAGrid() {
        int side = 20;
        double[] values = new double[side * side];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                values[r * side + c] = (r * 7 + c * 3) % 4;
            }
        }
        for (int r = 9; r <= 11; r++) {
            for (int c = 9; c <= 11; c++) {
                values[r * side + c] = 30;
            }
        }
        int[][] neighbours = new int[side * side][];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                java.util.List<Integer> near = new java.util.ArrayList<>();
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        if (r + dr >= 0 && r + dr < side && c + dc >= 0 && c + dc < side) {
                            near.add((r + dr) * side + c + dc);
                        }
                    }
                }
                neighbours[r * side + c] = near.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        GetisOrd.Result result = GetisOrd.compute(values, neighbours);
        assertThat(result.confidence()[10 * side + 10]).isEqualTo(99);
        assertThat(result.confidence()[0]).isLessThanOrEqualTo(0);
    }
}
