package org.khareetaty.analysis.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The count model: a negative binomial regression of daily counts on day of week, yearly Fourier terms,
 * a linear trend and holidays, fitted by IRLS with recent days weighted more, followed by an
 * exponentially smoothed multiplicative level on its residuals (the "recent level"). Forecasts are
 * predictive distributions, so the point forecast and the 80/90/95% intervals are never negative.
 */
public final class DailyCountModel {

    /** Tuning of the model; {@link #DEFAULT} is what the benchmark and the product use. */
    public record Parameters(int fourierTerms, double halfLifeDays, boolean trend, double levelAlpha,
            double levelDamping, double ridge, double holidayRidge) {
        public static final Parameters DEFAULT = new Parameters(3, 730, false, 0.05, 0.98, 1.0, 4.0);
    }

    /** The forecast of one series from one origin: per day ahead, the mean and quantiles. */
    public record Forecast(LocalDate firstDay, double[] mean, int[] median, int[] lower80, int[] upper80,
            int[] lower90, int[] upper90, int[] lower95, int[] upper95, double theta) {
        public int horizon() {
            return mean.length;
        }

        /** The point forecast: the predictive median, which minimises absolute error (and is a whole count). */
        public double[] point() {
            double[] point = new double[median.length];
            for (int h = 0; h < point.length; h++) {
                point[h] = median[h];
            }
            return point;
        }
    }

    private static final double YEAR = 365.25;
    private static final int MIN_DAYS_FOR_YEARLY = 540;
    private static final double[] PROBABILITIES = {0.025, 0.05, 0.10, 0.5, 0.90, 0.95, 0.975};

    private final Parameters parameters;
    private final HolidayCalendar calendar;

    public DailyCountModel(Parameters parameters, HolidayCalendar calendar) {
        this.parameters = parameters;
        this.calendar = calendar;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** The holidays the model knows, one effect each. */
    public List<String> calendarNames() {
        return calendar.names();
    }

    /**
     * Fits on {@code counts[from..to)} (day 0 of the array is {@code firstDay}) and forecasts
     * {@code horizon} days after {@code to}.
     */
    public Forecast forecast(int[] counts, LocalDate firstDay, int from, int to, int horizon) {
        int n = to - from;
        if (n < 14) {
            throw new IllegalArgumentException("At least 14 days of history are needed to forecast, got " + n);
        }
        LocalDate trainStart = firstDay.plusDays(from);
        int[] holidays = calendar.holidayIndex(trainStart, trainStart.plusDays(n + horizon - 1L));
        int holidayCount = calendar.names().size();
        // Yearly seasonality cannot be told apart from a change of level with less than about a year and a
        // half of history: short histories get day of week, holidays and level only.
        Layout layout = new Layout(parameters, n >= MIN_DAYS_FOR_YEARLY ? parameters.fourierTerms() : 0, holidayCount);
        int p = layout.columns;

        double[] design = new double[n * p];
        double[] y = new double[n];
        double[] weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            fillRow(design, i * p, layout, trainStart.plusDays(i), i, n, holidays[i]);
            y[i] = counts[from + i];
            total += y[i];
            weights[i] = Math.pow(0.5, (n - 1 - i) / parameters.halfLifeDays());
        }
        double[] ridge = layout.ridge(parameters);
        double[] start = new double[p];
        start[0] = Math.log(Math.max(total / n, 0.01));
        CountRegression.Fit fit;
        if (total == 0) {
            fit = new CountRegression.Fit(start, Double.POSITIVE_INFINITY, 0, 0, true);
            start[0] = Math.log(0.5 / n);
        } else {
            fit = new CountRegression(CountRegression.Family.NEGATIVE_BINOMIAL, 25, 1e-7)
                    .fit(design, p, y, weights, ridge, start);
        }

        // Recent level: exponential smoothing of the ratio of observed to fitted counts.
        double level = 1;
        double alpha = parameters.levelAlpha();
        for (int i = 0; i < n; i++) {
            double mu = Math.exp(fit.eta(design, p, i));
            level = (1 - alpha) * level + alpha * (y[i] + 0.5) / (mu + 0.5);
        }

        double[] row = new double[p];
        double[] mean = new double[horizon];
        int[] median = new int[horizon];
        int[] l80 = new int[horizon];
        int[] u80 = new int[horizon];
        int[] l90 = new int[horizon];
        int[] u90 = new int[horizon];
        int[] l95 = new int[horizon];
        int[] u95 = new int[horizon];
        double theta = fit.theta();
        double damping = 1;
        for (int h = 0; h < horizon; h++) {
            int t = n + h;
            java.util.Arrays.fill(row, 0);
            fillRow(row, 0, layout, trainStart.plusDays(t), t, n, holidays[t]);
            double eta = 0;
            for (int j = 0; j < p; j++) {
                eta += row[j] * fit.coefficients()[j];
            }
            damping *= parameters.levelDamping();
            double mu = Math.exp(eta) * (1 + (level - 1) * damping);
            mean[h] = mu;
            int[] q = CountDistribution.quantiles(mu, theta, PROBABILITIES);
            l95[h] = q[0];
            l90[h] = q[1];
            l80[h] = q[2];
            median[h] = q[3];
            u80[h] = q[4];
            u90[h] = q[5];
            u95[h] = q[6];
        }
        return new Forecast(trainStart.plusDays(n), mean, median, l80, u80, l90, u90, l95, u95, theta);
    }

    private static void fillRow(double[] design, int base, Layout layout, LocalDate day, int t, int n, int holiday) {
        design[base] = 1;
        DayOfWeek dow = day.getDayOfWeek();
        if (dow != DayOfWeek.MONDAY) {
            design[base + layout.dowStart + dow.getValue() - 2] = 1;
        }
        double dayOfYear = day.getDayOfYear();
        for (int k = 1; k <= layout.fourier; k++) {
            double angle = 2 * Math.PI * k * dayOfYear / YEAR;
            design[base + layout.fourierStart + 2 * (k - 1)] = Math.sin(angle);
            design[base + layout.fourierStart + 2 * (k - 1) + 1] = Math.cos(angle);
        }
        if (layout.trend) {
            design[base + layout.trendColumn] = (t - n) / YEAR;
        }
        if (holiday >= 0) {
            design[base + layout.holidayStart + holiday] = 1;
        }
    }

    /** Where each effect sits in a design row. */
    private static final class Layout {
        final int dowStart = 1;
        final int fourierStart = 7;
        final int fourier;
        final boolean trend;
        final int trendColumn;
        final int holidayStart;
        final int holidays;
        final int columns;

        Layout(Parameters parameters, int fourier, int holidays) {
            this.fourier = fourier;
            this.trend = parameters.trend();
            this.trendColumn = fourierStart + 2 * fourier;
            this.holidayStart = trendColumn + (trend ? 1 : 0);
            this.holidays = holidays;
            this.columns = holidayStart + holidays;
        }

        double[] ridge(Parameters parameters) {
            double[] ridge = new double[columns];
            for (int j = 1; j < holidayStart; j++) {
                ridge[j] = parameters.ridge() * 1e-3;
            }
            for (int j = fourierStart; j < trendColumn; j++) {
                ridge[j] = parameters.ridge();
            }
            for (int j = holidayStart; j < columns; j++) {
                ridge[j] = parameters.holidayRidge();
            }
            return ridge;
        }
    }
}
