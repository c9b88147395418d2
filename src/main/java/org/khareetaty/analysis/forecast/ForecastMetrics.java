package org.khareetaty.analysis.forecast;

/** Scores of a count forecast against what happened, as defined in the backtest protocol. */
public final class ForecastMetrics {

    public static final int SEASON = 7;

    private ForecastMetrics() {
    }

    /**
     * The MASE scale: mean |y[t] - y[t-7]| over the training window {@code [from, to)}, i.e. the in-sample
     * error of the seasonal naive forecast. Zero for a series that never changed.
     */
    public static double seasonalNaiveScale(int[] counts, int from, int to) {
        double sum = 0;
        int terms = 0;
        for (int t = from + SEASON; t < to; t++) {
            sum += Math.abs(counts[t] - counts[t - SEASON]);
            terms++;
        }
        return terms == 0 ? 0 : sum / terms;
    }

    /** The seasonal naive forecast from origin {@code to}: each day repeats the same weekday of the last week. */
    public static double[] seasonalNaive(int[] counts, int to, int horizon) {
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            forecast[h] = counts[to - SEASON + (h % SEASON)];
        }
        return forecast;
    }

    /** Mean absolute error of the first {@code horizon} days. */
    public static double mae(int[] counts, int origin, double[] forecast, int horizon) {
        double sum = 0;
        for (int h = 0; h < horizon; h++) {
            sum += Math.abs(counts[origin + h] - forecast[h]);
        }
        return sum / horizon;
    }

    /** MAE divided by the scale; NaN when the scale is zero (a constant history cannot be scaled against). */
    public static double mase(double mae, double scale) {
        return scale > 0 ? mae / scale : Double.NaN;
    }

    /** Share of the first {@code horizon} days whose count lay inside [lower, upper] (inclusive). */
    public static double coverage(int[] counts, int origin, int[] lower, int[] upper, int horizon) {
        int inside = 0;
        for (int h = 0; h < horizon; h++) {
            int y = counts[origin + h];
            if (y >= lower[h] && y <= upper[h]) {
                inside++;
            }
        }
        return (double) inside / horizon;
    }
}
