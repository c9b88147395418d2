package org.khareetaty.analysis.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The count model: a negative binomial regression of daily counts on day of week, yearly Fourier terms
 * and holidays, fitted by IRLS with recent days weighted more, followed by an
 * exponentially smoothed multiplicative level on its residuals (the "recent level"). Forecasts are
 * predictive distributions, so the point forecast and the 80/90/95% intervals are never negative.
 */
public final class DailyCountModel {

    /**
     * Tuning of the model; {@link #DEFAULT} is what the benchmark and the product use. {@code poolStrength} is
     * the prior precision that pulls an area's weekday, yearly and holiday effects toward the whole agency's.
     */
    public record Parameters(int fourierTerms, double halfLifeDays, double levelAlpha, double levelDamping,
            double ridge, double holidayRidge, double poolStrength) {
        public static final Parameters DEFAULT = new Parameters(3, 730, 0.1, 0.98, 1.0, 4.0, 300);
    }

    /**
     * The forecast of one series from one origin: per day ahead, the mean and quantiles, and the fitted
     * regression coefficients (the pattern other series are pooled toward).
     */
    public record Forecast(LocalDate firstDay, double[] mean, int[] median, int[] lower80, int[] upper80,
            int[] lower90, int[] upper90, int[] lower95, int[] upper95, double theta, double[] coefficients) {
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

    /**
     * The design rows of a run of days, built once and shared by every series and every origin inside it
     * (rows depend on the date only).
     */
    public static final class Design {
        private final LocalDate firstDay;
        private final Layout layout;
        private final double[] rows;
        private final int[][] nonZero;

        private Design(LocalDate firstDay, Layout layout, double[] rows) {
            this.firstDay = firstDay;
            this.layout = layout;
            this.rows = rows;
            this.nonZero = CountRegression.nonZeroCells(rows, layout.columns);
        }

        public int days() {
            return nonZero.length;
        }
    }

    private static final double YEAR = 365.25;
    /** Yearly terms need at least this much history to be told apart from a change of level. */
    public static final int MIN_DAYS_FOR_YEARLY = 540;
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

    /** Design rows for {@code days} days from {@code firstDay}, with yearly terms or without. */
    public Design design(LocalDate firstDay, int days, boolean yearly) {
        int[] holidays = calendar.holidayIndex(firstDay, firstDay.plusDays(days - 1L));
        Layout layout = new Layout(yearly ? parameters.fourierTerms() : 0, calendar.names().size());
        double[] rows = new double[days * layout.columns];
        for (int t = 0; t < days; t++) {
            fillRow(rows, t * layout.columns, layout, firstDay.plusDays(t), holidays[t]);
        }
        return new Design(firstDay, layout, rows);
    }

    /**
     * Fits on {@code counts[from..to)} (day 0 of the array is {@code firstDay}) and forecasts
     * {@code horizon} days after {@code to}.
     */
    public Forecast forecast(int[] counts, LocalDate firstDay, int from, int to, int horizon) {
        checkHistory(to - from);
        Design design = design(firstDay, to + horizon, to - from >= MIN_DAYS_FOR_YEARLY);
        return forecast(design, counts, from, to, horizon, null);
    }

    /**
     * Forecasts every series of a matrix from one origin. Series 0 is the whole agency and is fitted alone;
     * with a pool strength, every other series' weekday, yearly and holiday effects are shrunk toward it,
     * which steadies the patterns of small areas without forcing them to the city's.
     *
     * @param design covers day 0 of {@code counts} to at least {@code to + horizon}
     */
    public Forecast[] forecastAll(Design design, int[][] counts, int from, int to, int horizon) {
        checkHistory(to - from);
        Forecast[] forecasts = new Forecast[counts.length];
        for (int s = 0; s < counts.length; s++) {
            double[] pool = s > 0 && parameters.poolStrength() > 0 ? forecasts[0].coefficients() : null;
            forecasts[s] = forecast(design, counts[s], from, to, horizon, pool);
        }
        return forecasts;
    }

    private static void checkHistory(int days) {
        if (days < 14) {
            throw new IllegalArgumentException("At least 14 days of history are needed to forecast, got " + days);
        }
    }

    /** One series; {@code pool} holds the agency's coefficients to shrink toward, or null. */
    private Forecast forecast(Design design, int[] counts, int from, int to, int horizon, double[] pool) {
        if (design.days() < to + horizon) {
            throw new IllegalArgumentException("The design covers " + design.days() + " days, the forecast needs "
                    + (to + horizon));
        }
        Layout layout = design.layout;
        int p = layout.columns;
        int n = to - from;
        double[] y = new double[n];
        double[] weights = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            y[i] = counts[from + i];
            total += y[i];
            weights[i] = Math.pow(0.5, (n - 1 - i) / parameters.halfLifeDays());
        }
        double[] ridge = layout.ridge(parameters, pool != null);
        // Start from the agency's pattern when pooling (close to the answer), else from the mean alone.
        double[] start = pool != null ? pool.clone() : new double[p];
        start[0] = Math.log(Math.max(total / n, 0.01));
        CountRegression.Fit fit;
        if (total == 0) {
            start = new double[p];
            start[0] = Math.log(0.5 / n);
            fit = new CountRegression.Fit(start, Double.POSITIVE_INFINITY, 0, 0, true);
        } else {
            fit = new CountRegression(CountRegression.Family.NEGATIVE_BINOMIAL, 25, 1e-7)
                    .fit(design.rows, design.nonZero, p, from, y, weights, ridge, pool, start);
        }

        // Recent level: exponential smoothing of the ratio of observed to fitted counts.
        double level = 1;
        double alpha = parameters.levelAlpha();
        for (int i = 0; i < n; i++) {
            double mu = Math.exp(fit.eta(design.rows, p, from + i));
            level = (1 - alpha) * level + alpha * (y[i] + 0.5) / (mu + 0.5);
        }

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
            damping *= parameters.levelDamping();
            double mu = Math.exp(fit.eta(design.rows, p, to + h)) * (1 + (level - 1) * damping);
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
        return new Forecast(design.firstDay.plusDays(to), mean, median, l80, u80, l90, u90, l95, u95, theta,
                fit.coefficients());
    }

    private static void fillRow(double[] design, int base, Layout layout, LocalDate day, int holiday) {
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
        if (holiday >= 0) {
            design[base + layout.holidayStart + holiday] = 1;
        }
    }

    /** Where each effect sits in a design row. */
    private static final class Layout {
        final int dowStart = 1;
        final int fourierStart = 7;
        final int fourier;
        final int holidayStart;
        final int columns;

        Layout(int fourier, int holidays) {
            this.fourier = fourier;
            this.holidayStart = fourierStart + 2 * fourier;
            this.columns = holidayStart + holidays;
        }

        /** Penalties per column; pooled series take the pool strength on every effect but the intercept. */
        double[] ridge(Parameters parameters, boolean pooled) {
            double[] ridge = new double[columns];
            for (int j = 1; j < fourierStart; j++) {
                ridge[j] = pooled ? parameters.poolStrength() : parameters.ridge() * 1e-3;
            }
            for (int j = fourierStart; j < holidayStart; j++) {
                ridge[j] = pooled ? parameters.poolStrength() : parameters.ridge();
            }
            for (int j = holidayStart; j < columns; j++) {
                ridge[j] = pooled ? Math.max(parameters.poolStrength(), parameters.holidayRidge())
                        : parameters.holidayRidge();
            }
            return ridge;
        }
    }
}
