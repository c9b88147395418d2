package org.khareetaty.analysis.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DailyCountModelTest {

    private static final LocalDate FIRST = LocalDate.of(2022, 1, 1);
    private final DailyCountModel model = new DailyCountModel(DailyCountModel.Parameters.DEFAULT,
            HolidayCalendar.parse("include us"));

    @Test
    void learnsTheWeeklyPatternAndKeepsIntervalsOrderedAndNonNegative() {
        Random random = new Random(7);
        int days = 800;
        int[] y = new int[days];
        for (int t = 0; t < days; t++) {
            boolean weekend = FIRST.plusDays(t).getDayOfWeek().getValue() >= 6;
            y[t] = poisson(random, weekend ? 30 : 10);
        }
        // No holidays here: the forecast starts on New Year's Day, whose effect is learned from two noisy days.
        DailyCountModel plain = new DailyCountModel(DailyCountModel.Parameters.DEFAULT, HolidayCalendar.parse(""));
        DailyCountModel.Forecast f = plain.forecast(y, FIRST, 0, 730, 28);
        for (int h = 0; h < 28; h++) {
            boolean weekend = f.firstDay().plusDays(h).getDayOfWeek().getValue() >= 6;
            assertThat(f.mean()[h]).isCloseTo(weekend ? 30 : 10, within(weekend ? 4.0 : 1.5));
            assertThat(f.lower95()[h]).isGreaterThanOrEqualTo(0);
            assertThat(f.lower95()[h]).isLessThanOrEqualTo(f.lower80()[h]);
            assertThat(f.lower80()[h]).isLessThanOrEqualTo(f.median()[h]);
            assertThat(f.median()[h]).isLessThanOrEqualTo(f.upper80()[h]);
            assertThat(f.upper80()[h]).isLessThanOrEqualTo(f.upper95()[h]);
        }
    }

    @Test
    void zeroHeavySeriesGetsSmallNonNegativeForecasts() {
        Random random = new Random(3);
        int[] y = new int[760];
        int total = 0;
        for (int t = 0; t < y.length; t++) {
            y[t] = random.nextDouble() < 0.05 ? 1 + random.nextInt(2) : 0;
            total += t < 730 ? y[t] : 0;
        }
        DailyCountModel.Forecast f = model.forecast(y, FIRST, 0, 730, 28);
        double rate = total / 730.0;
        double meanOfForecast = 0;
        for (int h = 0; h < 28; h++) {
            assertThat(f.mean()[h]).isBetween(0.0, rate * 4);
            assertThat(f.median()[h]).isZero();
            assertThat(f.lower95()[h]).isZero();
            assertThat(f.upper95()[h]).isBetween(0, 4);
            meanOfForecast += f.mean()[h] / 28;
        }
        assertThat(meanOfForecast).isBetween(rate / 2, rate * 2);
    }

    @Test
    void allZeroHistoryForecastsZeroWithoutFailing() {
        DailyCountModel.Forecast f = model.forecast(new int[800], FIRST, 0, 730, 7);
        for (int h = 0; h < 7; h++) {
            assertThat(f.mean()[h]).isBetween(0.0, 0.01);
            assertThat(f.upper95()[h]).isZero();
        }
    }

    @Test
    void holidaysAreLearnedFromHistory() {
        // Christmas Day has a third of the usual count every year.
        int days = 1100;
        int[] y = new int[days];
        for (int t = 0; t < days; t++) {
            LocalDate day = FIRST.plusDays(t);
            y[t] = day.getMonthValue() == 12 && day.getDayOfMonth() == 25 ? 100 : 300;
        }
        int origin = (int) (LocalDate.of(2024, 12, 20).toEpochDay() - FIRST.toEpochDay());
        DailyCountModel.Forecast f = model.forecast(y, FIRST, origin - 730, origin, 10);
        assertThat(f.mean()[5]).isLessThan(200); // 2024-12-25
        assertThat(f.mean()[4]).isGreaterThan(250);
        assertThat(f.firstDay().plusDays(5).getDayOfWeek()).isEqualTo(DayOfWeek.WEDNESDAY);
    }

    static int poisson(Random random, double lambda) {
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
