package org.khareetaty.analysis.forecast;

/**
 * The risk surface for the coming period: a blend of a long-term density (two years, recent years weighted
 * more), a recent density (the last four weeks) and a near-repeat term (the last days, fading fast), each
 * a Gaussian-smoothed count per cell. Also computes the two baselines every hotspot forecast is scored
 * beside: prior counts (the last 28 days per cell) and a Gaussian KDE of the last 365 days.
 */
public final class HotspotModel {

    /** Tuning of the blend; {@link #DEFAULT} was chosen on 2024 origins, before looking at 2025. */
    public record Parameters(int longTermDays, double longTermHalfLife, double longTermSigmaM, int recentDays,
            double recentSigmaM, double recentWeight, int nearRepeatDays, double nearRepeatHalfLife,
            double nearRepeatSigmaM, double nearRepeatWeight) {
        public static final Parameters DEFAULT = new Parameters(730, 60, 0, 28, 150, 0, 7, 2, 150, 0.3);
    }

    public static final String MODEL = "risk-blend";
    public static final String PRIOR_COUNTS = "prior-counts-28d";
    public static final String KDE = "kde-365d";

    private final Parameters parameters;

    public HotspotModel(Parameters parameters) {
        this.parameters = parameters;
    }

    public Parameters parameters() {
        return parameters;
    }

    /** Risk per cell (expected incidents per week, up to scale) for the week starting at {@code originDay}. */
    public double[] risk(RiskGrid grid, GridEvents events, int originDay) {
        Parameters p = parameters;
        int cells = grid.cells();
        double[] longTerm = events.decayedCounts(cells, originDay - p.longTermDays(), originDay, p.longTermHalfLife());
        double longTermWeeks = weeksOfWeight(p.longTermDays(), p.longTermHalfLife());
        double[] risk = GaussianBlur.blur(longTerm, grid.columns(), grid.rows(), p.longTermSigmaM() / grid.cellSize());
        scale(risk, 1 / longTermWeeks);
        if (p.recentWeight() > 0) {
            double[] recent = GaussianBlur.blur(events.counts(cells, originDay - p.recentDays(), originDay), grid.columns(),
                    grid.rows(), p.recentSigmaM() / grid.cellSize());
            addScaled(risk, recent, p.recentWeight() * 7.0 / p.recentDays());
        }
        if (p.nearRepeatWeight() > 0) {
            double[] near = GaussianBlur.blur(events.decayedCounts(cells, originDay - p.nearRepeatDays(), originDay,
                    p.nearRepeatHalfLife()), grid.columns(), grid.rows(), p.nearRepeatSigmaM() / grid.cellSize());
            addScaled(risk, near, p.nearRepeatWeight() / weeksOfWeight(p.nearRepeatDays(), p.nearRepeatHalfLife()));
        }
        return mask(grid, risk);
    }

    /** Baseline: incidents per cell in the 28 days before the origin. */
    public static double[] priorCounts(RiskGrid grid, GridEvents events, int originDay) {
        return mask(grid, events.counts(grid.cells(), originDay - 28, originDay));
    }

    /**
     * Baseline: a Gaussian kernel density of the incidents of the 365 days before the origin, with the
     * bandwidth of Scott's rule (sigma = n^(-1/6) x the spread of the points), the default of common tools.
     */
    public static double[] kde(RiskGrid grid, GridEvents events, int originDay) {
        int from = events.firstOnOrAfter(originDay - 365);
        int to = events.firstOnOrAfter(originDay);
        int n = to - from;
        double[] counts = events.counts(grid.cells(), originDay - 365, originDay);
        if (n < 2) {
            return mask(grid, counts);
        }
        double sumX = 0;
        double sumY = 0;
        double sumXx = 0;
        double sumYy = 0;
        for (int i = from; i < to; i++) {
            int cell = events.cell(i);
            double x = cell % grid.columns();
            double y = cell / grid.columns();
            sumX += x;
            sumY += y;
            sumXx += x * x;
            sumYy += y * y;
        }
        double sdX = Math.sqrt(Math.max(0, sumXx / n - (sumX / n) * (sumX / n)));
        double sdY = Math.sqrt(Math.max(0, sumYy / n - (sumY / n) * (sumY / n)));
        double sigmaCells = Math.pow(n, -1.0 / 6) * Math.sqrt(sdX * sdY);
        return mask(grid, GaussianBlur.blur(counts, grid.columns(), grid.rows(), sigmaCells));
    }

    /** The total weight of a decayed window in weeks, so each component is a rate per week. */
    private static double weeksOfWeight(int days, double halfLife) {
        double sum = 0;
        for (int age = 0; age < days; age++) {
            sum += Math.pow(0.5, age / halfLife);
        }
        return sum / 7;
    }

    private static double[] mask(RiskGrid grid, double[] values) {
        for (int cell = 0; cell < values.length; cell++) {
            if (!grid.inside(cell)) {
                values[cell] = Double.NEGATIVE_INFINITY;
            }
        }
        return values;
    }

    private static void scale(double[] values, double factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
    }

    private static void addScaled(double[] target, double[] values, double factor) {
        for (int i = 0; i < target.length; i++) {
            target[i] += values[i] * factor;
        }
    }
}
