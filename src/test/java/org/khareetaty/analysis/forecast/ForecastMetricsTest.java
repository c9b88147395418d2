package org.khareetaty.analysis.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The backtest metrics, checked by hand on a tiny series. */
class ForecastMetricsTest {

    // 14 training days then 7 test days.
    private static final int[] Y = {1, 2, 3, 4, 5, 6, 7, 2, 2, 3, 6, 5, 6, 9, 3, 1, 4, 4, 8, 6, 7};

    @Test
    void seasonalNaiveScaleIsTheMeanAbsoluteLag7DifferenceInsideTheWindow() {
        // |2-1|+|2-2|+|3-3|+|6-4|+|5-5|+|6-6|+|9-7| = 1+0+0+2+0+0+2 = 5 over 7 pairs
        assertThat(ForecastMetrics.seasonalNaiveScale(Y, 0, 14)).isCloseTo(5.0 / 7, within(1e-12));
    }

    @Test
    void seasonalNaiveRepeatsTheLastWeek() {
        assertThat(ForecastMetrics.seasonalNaive(Y, 14, 9)).containsExactly(2, 2, 3, 6, 5, 6, 9, 2, 2);
    }

    @Test
    void maeMaseAndCoverageByHand() {
        double[] forecast = {3, 3, 3, 3, 3, 3, 3};
        // errors |3-3|,|1-3|,|4-3|,|4-3|,|8-3|,|6-3|,|7-3| = 0,2,1,1,5,3,4 -> 16/7
        double mae = ForecastMetrics.mae(Y, 14, forecast, 7);
        assertThat(mae).isCloseTo(16.0 / 7, within(1e-12));
        assertThat(ForecastMetrics.mase(mae, 5.0 / 7)).isCloseTo(16.0 / 5, within(1e-12));
        // h = 3 uses only the first three days: 0,2,1 -> 1
        assertThat(ForecastMetrics.mae(Y, 14, forecast, 3)).isCloseTo(1.0, within(1e-12));
        int[] lower = {2, 2, 2, 2, 2, 2, 2};
        int[] upper = {4, 4, 4, 4, 4, 4, 4};
        // inside: 3 yes, 1 no, 4 yes, 4 yes, 8 no, 6 no, 7 no -> 3/7
        assertThat(ForecastMetrics.coverage(Y, 14, lower, upper, 7)).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(ForecastMetrics.mase(1, 0)).isNaN();
    }
}
