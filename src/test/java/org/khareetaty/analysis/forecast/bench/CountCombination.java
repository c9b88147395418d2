package org.khareetaty.analysis.forecast.bench;

import java.time.LocalDate;
import java.util.Map;
import org.khareetaty.TestData;
import org.khareetaty.analysis.forecast.CountDistribution;
import org.khareetaty.analysis.forecast.CountSeries;
import org.khareetaty.analysis.forecast.CountSeriesBuilder;
import org.khareetaty.analysis.forecast.DailyCountModel;
import org.khareetaty.analysis.forecast.ForecastMetrics;
import org.khareetaty.analysis.forecast.HolidayCalendar;
import org.khareetaty.common.IncidentFilter;

/**
 * Combination with a robust baseline (ADR 0032): the model's mean blended with the mean of the last four same
 * weekdays, point = negative binomial median at the blended mean, for several blend weights.
 * Usage: {@code CountCombination YEAR}
 */
public final class CountCombination {

    private CountCombination() {
    }

    public static void main(String[] args) throws Exception {
        int year = Integer.parseInt(args[0]);
        PhiladelphiaSnapshot.Data data = PhiladelphiaSnapshot.load(TestData.sharedData().resolve("philadelphia"));
        CountSeries series = CountSeriesBuilder.build(data.snapshot(), IncidentFilter.ALL, "district", null, Map.of(),
                LocalDate.of(2016, 1, 1), LocalDate.of(year, 12, 31), 365);
        DailyCountModel model = new DailyCountModel(DailyCountModel.Parameters.DEFAULT, HolidayCalendar.parse("include us"));
        DailyCountModel.Design design = model.design(series.firstDay(), series.days(), true);
        double[] weights = {1.0, 0.9, 0.8, 0.7, 0.5};
        double[][] mase = new double[weights.length][2];
        int pairs = 0;
        for (int m = 1; m <= 12; m++) {
            int origin = series.indexOf(LocalDate.of(year, m, 1));
            DailyCountModel.Forecast[] f = model.forecastAll(design, series.counts(), origin - 730, origin, 28);
            for (int s = 0; s < f.length; s++) {
                int[] y = series.counts()[s];
                double scale = ForecastMetrics.seasonalNaiveScale(y, origin - 730, origin);
                for (int w = 0; w < weights.length; w++) {
                    double[] err = new double[2];
                    for (int h = 0; h < 28; h++) {
                        double weekdayMean = (y[origin + h % 7 - 7] + y[origin + h % 7 - 14] + y[origin + h % 7 - 21]
                                + y[origin + h % 7 - 28]) / 4.0;
                        double mu = weights[w] * f[s].mean()[h] + (1 - weights[w]) * weekdayMean;
                        double e = Math.abs(y[origin + h] - CountDistribution.quantile(mu, f[s].theta(), 0.5));
                        err[1] += e / 28;
                        if (h < 7) {
                            err[0] += e / 7;
                        }
                    }
                    mase[w][0] += err[0] / scale;
                    mase[w][1] += err[1] / scale;
                }
                pairs++;
            }
        }
        for (int w = 0; w < weights.length; w++) {
            System.out.printf("model weight %.1f: MASE h=7 %.4f h=28 %.4f%n", weights[w], mase[w][0] / pairs,
                    mase[w][1] / pairs);
        }
    }
}
