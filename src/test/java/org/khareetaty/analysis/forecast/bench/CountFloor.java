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
 * How close the count model is to the noise floor (ADR 0032): its real MASE beside the MASE a forecaster would
 * get if counts were Poisson or negative binomial around the model's own means, and beside an oracle that knows
 * each 28-day window's realised total (the model's daily shape rescaled to it). Usage: {@code CountFloor YEAR}
 */
public final class CountFloor {
    public static void main(String[] args) throws Exception {
        int year = Integer.parseInt(args[0]);
        PhiladelphiaSnapshot.Data data = PhiladelphiaSnapshot.load(TestData.sharedData().resolve("philadelphia"));
        CountSeries series = CountSeriesBuilder.build(data.snapshot(), IncidentFilter.ALL, "district", null, Map.of(),
                LocalDate.of(2016, 1, 1), LocalDate.of(year, 12, 31), 365);
        DailyCountModel model = new DailyCountModel(DailyCountModel.Parameters.DEFAULT, HolidayCalendar.parse("include us"));
        DailyCountModel.Design design = model.design(series.firstDay(), series.days(), true);
        double[] floorPois = new double[2], floorSelf = new double[2], real = new double[2], oracleMean = new double[2];
        int pairs = 0;
        for (int m = 1; m <= 12; m++) {
            int origin = series.indexOf(LocalDate.of(year, m, 1));
            DailyCountModel.Forecast[] f = model.forecastAll(design, series.counts(), origin - 730, origin, 28);
            for (int s = 0; s < f.length; s++) {
                int[] y = series.counts()[s];
                double scale = ForecastMetrics.seasonalNaiveScale(y, origin - 730, origin);
                // the realised 28-day mean as an "oracle" level with the model's shape
                double sumY = 0, sumMu = 0;
                for (int h = 0; h < 28; h++) { sumY += y[origin + h]; sumMu += f[s].mean()[h]; }
                int[] hs = {7, 28};
                for (int k = 0; k < 2; k++) {
                    double p = 0, q = 0, r = 0, o = 0;
                    for (int h = 0; h < hs[k]; h++) {
                        double mu = f[s].mean()[h];
                        p += absDev(mu, Double.POSITIVE_INFINITY);
                        q += absDev(mu, f[s].theta());
                        r += Math.abs(y[origin + h] - f[s].median()[h]);
                        double om = mu * sumY / sumMu;
                        o += Math.abs(y[origin + h] - CountDistribution.quantile(om, Double.POSITIVE_INFINITY, 0.5));
                    }
                    floorPois[k] += p / hs[k] / scale;
                    floorSelf[k] += q / hs[k] / scale;
                    real[k] += r / hs[k] / scale;
                    oracleMean[k] += o / hs[k] / scale;
                }
                pairs++;
            }
        }
        for (int k = 0; k < 2; k++) {
            System.out.printf("h=%d real %.4f poissonFloor %.4f nbFloor %.4f oracle28dLevel %.4f%n", k == 0 ? 7 : 28,
                    real[k] / pairs, floorPois[k] / pairs, floorSelf[k] / pairs, oracleMean[k] / pairs);
        }
    }

    /** E|Y - median| for Y negative binomial (mu, theta). */
    static double absDev(double mu, double theta) {
        int med = CountDistribution.quantile(mu, theta, 0.5);
        double t = Double.isInfinite(theta) ? 1e7 : theta;
        double logP = t * Math.log(t / (t + mu));
        double logRatio = Math.log(mu / (t + mu));
        double e = 0;
        int limit = (int) (mu + 40 * Math.sqrt(mu + mu * mu / t) + 50);
        for (int k = 0; k < limit; k++) {
            e += Math.exp(logP) * Math.abs(k - med);
            logP += Math.log((k + t) / (k + 1)) + logRatio;
        }
        return e;
    }
}
