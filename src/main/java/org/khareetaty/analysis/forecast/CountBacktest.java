package org.khareetaty.analysis.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.khareetaty.common.TaskContext;

/**
 * Rolling-origin backtest of daily counts: at each origin, fit on the previous {@code trainingDays} only,
 * forecast the longest horizon and score the first h days of it for every requested h. The MASE of each
 * series x origin pair is scaled by the seasonal naive (lag 7) error inside that training window; scores
 * are averaged over all pairs. The seasonal naive forecast is scored beside the model every time.
 */
public final class CountBacktest {

    /** Fewer days than this before an origin cannot give a fair fit or MASE scale. */
    static final int MIN_TRAINING_DAYS = 28;

    private final DailyCountModel model;

    public CountBacktest(DailyCountModel model) {
        this.model = model;
    }

    /** Per-method, per-horizon sums over pairs, turned into averages at the end. */
    private static final class Accumulator {
        final double[] mase;
        final double[] mae;
        final double[] coverage80;
        final double[] coverage90;
        final double[] coverage95;
        final int[] pairs;

        Accumulator(int horizons) {
            mase = new double[horizons];
            mae = new double[horizons];
            coverage80 = new double[horizons];
            coverage90 = new double[horizons];
            coverage95 = new double[horizons];
            pairs = new int[horizons];
        }

        List<MethodScore> scores(String method, int[] horizons, boolean intervals) {
            List<MethodScore> out = new ArrayList<>();
            for (int k = 0; k < horizons.length; k++) {
                int n = Math.max(1, pairs[k]);
                out.add(new MethodScore(method, horizons[k], mase[k] / n, mae[k] / n,
                        intervals ? coverage80[k] / n : null, intervals ? coverage90[k] / n : null,
                        intervals ? coverage95[k] / n : null));
            }
            return out;
        }
    }

    /** Overall and per-series scores of the model and the seasonal naive baseline. */
    public record Scores(List<MethodScore> overall, Map<String, List<MethodScore>> bySeries) {
    }

    public Scores run(CountSeries data, List<LocalDate> origins, int[] horizons, int trainingDays, TaskContext context) {
        int maxHorizon = java.util.Arrays.stream(horizons).max().orElseThrow();
        for (LocalDate origin : origins) {
            int index = data.indexOf(origin);
            if (index < MIN_TRAINING_DAYS || index + maxHorizon > data.days()) {
                throw new IllegalArgumentException("Origin " + origin + " needs at least " + MIN_TRAINING_DAYS
                        + " days of data before it and " + maxHorizon + " days from it, but the data covers "
                        + data.firstDay() + " to " + data.lastDay());
            }
        }
        // Origins are independent: fit them on every core. Each origin fits the whole agency first and pools
        // the areas toward it; the design rows are shared by all fits with the same layout.
        int seriesCount = data.series().size();
        int[][] counts = data.counts();
        DailyCountModel.Design[] designs = new DailyCountModel.Design[2];
        DailyCountModel.Forecast[][] forecasts = new DailyCountModel.Forecast[origins.size()][];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, origins.size()).parallel().forEach(o -> {
            context.checkCancelled();
            int origin = data.indexOf(origins.get(o));
            int from = Math.max(0, origin - trainingDays);
            forecasts[o] = model.forecastAll(design(designs, data, origin - from), counts, from, origin, maxHorizon);
            context.progress(done.incrementAndGet(), origins.size(), "Backtesting from " + origins.get(o));
        });

        Accumulator modelTotal = new Accumulator(horizons.length);
        Accumulator naiveTotal = new Accumulator(horizons.length);
        Map<String, List<MethodScore>> bySeries = new LinkedHashMap<>();
        for (int s = 0; s < seriesCount; s++) {
            Accumulator modelSeries = new Accumulator(horizons.length);
            Accumulator naiveSeries = new Accumulator(horizons.length);
            int[] y = counts[s];
            for (int o = 0; o < origins.size(); o++) {
                int origin = data.indexOf(origins.get(o));
                int from = Math.max(0, origin - trainingDays);
                double scale = ForecastMetrics.seasonalNaiveScale(y, from, origin);
                if (!(scale > 0)) {
                    continue; // a series with no week-to-week change cannot be scaled; it is left out
                }
                DailyCountModel.Forecast forecast = forecasts[o][s];
                double[] point = forecast.point();
                double[] naive = ForecastMetrics.seasonalNaive(y, origin, maxHorizon);
                for (int k = 0; k < horizons.length; k++) {
                    int h = horizons[k];
                    double modelMae = ForecastMetrics.mae(y, origin, point, h);
                    double naiveMae = ForecastMetrics.mae(y, origin, naive, h);
                    double c80 = ForecastMetrics.coverage(y, origin, forecast.lower80(), forecast.upper80(), h);
                    double c90 = ForecastMetrics.coverage(y, origin, forecast.lower90(), forecast.upper90(), h);
                    double c95 = ForecastMetrics.coverage(y, origin, forecast.lower95(), forecast.upper95(), h);
                    for (Accumulator a : new Accumulator[] {modelTotal, modelSeries}) {
                        a.mase[k] += ForecastMetrics.mase(modelMae, scale);
                        a.mae[k] += modelMae;
                        a.coverage80[k] += c80;
                        a.coverage90[k] += c90;
                        a.coverage95[k] += c95;
                        a.pairs[k]++;
                    }
                    for (Accumulator a : new Accumulator[] {naiveTotal, naiveSeries}) {
                        a.mase[k] += ForecastMetrics.mase(naiveMae, scale);
                        a.mae[k] += naiveMae;
                        a.pairs[k]++;
                    }
                }
            }
            List<MethodScore> scores = new ArrayList<>(modelSeries.scores(CountBacktestResult.MODEL, horizons, true));
            scores.addAll(naiveSeries.scores(CountBacktestResult.SEASONAL_NAIVE, horizons, false));
            bySeries.put(data.series().get(s).key(), scores);
        }
        List<MethodScore> overall = new ArrayList<>(modelTotal.scores(CountBacktestResult.MODEL, horizons, true));
        overall.addAll(naiveTotal.scores(CountBacktestResult.SEASONAL_NAIVE, horizons, false));
        return new Scores(overall, bySeries);
    }

    /** The shared design rows with or without yearly terms (a short history gets none), built on first use. */
    private DailyCountModel.Design design(DailyCountModel.Design[] designs, CountSeries data, int trainingLength) {
        int yearly = trainingLength >= DailyCountModel.MIN_DAYS_FOR_YEARLY ? 1 : 0;
        synchronized (designs) {
            if (designs[yearly] == null) {
                designs[yearly] = model.design(data.firstDay(), data.days(), yearly == 1);
            }
            return designs[yearly];
        }
    }
}
