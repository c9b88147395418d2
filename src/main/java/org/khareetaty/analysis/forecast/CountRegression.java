package org.khareetaty.analysis.forecast;

import java.util.Arrays;

/**
 * A log-link regression for counts fitted by iteratively reweighted least squares (IRLS):
 * Poisson, or negative binomial with its dispersion re-estimated by moments at every iteration.
 * Design matrices are small (hundreds of rows, tens of columns): the normal equations are a small dense system.
 * Observation weights let recent days count more; a ridge penalty (per column) keeps rarely seen
 * effects such as single holidays from taking extreme values.
 */
public final class CountRegression {

    /** The error distribution of the counts. */
    public enum Family { POISSON, NEGATIVE_BINOMIAL }

    /** A fitted model: coefficients, dispersion (infinite for Poisson), deviance and how IRLS went. */
    public record Fit(double[] coefficients, double theta, double deviance, int iterations, boolean converged) {

        /** The linear predictor of one row of a row-major design matrix. */
        public double eta(double[] design, int columns, int row) {
            double eta = 0;
            int base = row * columns;
            for (int j = 0; j < columns; j++) {
                eta += design[base + j] * coefficients[j];
            }
            return eta;
        }
    }

    private static final double MAX_THETA = 1e6;
    private static final double MIN_THETA = 0.05;

    private final Family family;
    private final int maxIterations;
    private final double tolerance;

    public CountRegression(Family family, int maxIterations, double tolerance) {
        this.family = family;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
    }

    public static CountRegression poisson() {
        return new CountRegression(Family.POISSON, 50, 1e-10);
    }

    /**
     * Fits {@code log E[y] = X b}.
     *
     * @param design   row-major n x p design matrix
     * @param columns  p
     * @param y        n counts
     * @param weights  n observation weights (null for all 1)
     * @param ridge    p penalties added to the diagonal of X'WX (null for none)
     * @param start    starting coefficients (null: start from the data)
     */
    public Fit fit(double[] design, int columns, double[] y, double[] weights, double[] ridge, double[] start) {
        if (design.length != y.length * columns) {
            throw new IllegalArgumentException("Design has " + design.length + " cells, expected " + y.length * columns);
        }
        return fit(design, nonZeroCells(design, columns), columns, 0, y, weights, ridge, null, start);
    }

    /**
     * The columns that are not zero in each row of a row-major design. Rows of a daily count model are
     * sparse (one weekday, at most one holiday), so X'WX is accumulated over these cells only; a design
     * shared by many fits computes them once.
     */
    public static int[][] nonZeroCells(double[] design, int columns) {
        int rows = design.length / columns;
        int[][] nonZero = new int[rows][];
        int[] scratch = new int[columns];
        for (int i = 0; i < rows; i++) {
            int count = 0;
            for (int j = 0; j < columns; j++) {
                if (design[i * columns + j] != 0) {
                    scratch[count++] = j;
                }
            }
            nonZero[i] = Arrays.copyOf(scratch, count);
        }
        return nonZero;
    }

    /**
     * Fits {@code log E[y] = X b} on rows {@code firstRow .. firstRow + y.length} of a larger design, so one
     * design serves every origin of a backtest. The ridge pulls each coefficient toward {@code prior}
     * (toward zero when null): a penalty {@code ridge_j (b_j - prior_j)^2}, which is how a sparse series
     * borrows the pattern of the whole agency.
     */
    public Fit fit(double[] design, int[][] nonZero, int columns, int firstRow, double[] y, double[] weights,
            double[] ridge, double[] prior, double[] start) {
        int n = y.length;
        double[] beta = new double[columns];
        double[] eta = new double[n];
        double[] mu = new double[n];
        if (start != null) {
            System.arraycopy(start, 0, beta, 0, columns);
            for (int i = 0; i < n; i++) {
                eta[i] = Math.min(30, dot(design, nonZero, columns, firstRow + i, beta));
                mu[i] = Math.exp(eta[i]);
            }
        } else {
            // Start from the data itself (log of a shifted count), as glm() does.
            for (int i = 0; i < n; i++) {
                mu[i] = y[i] + 0.5;
                eta[i] = Math.log(mu[i]);
            }
        }
        double theta = family == Family.POISSON ? Double.POSITIVE_INFINITY : momentTheta(y, mu, weights);
        double[] xtwx = new double[columns * columns];
        double[] xtwz = new double[columns];
        double deviance = deviance(y, mu, weights, theta);
        int iteration = 0;
        boolean converged = false;
        while (iteration < maxIterations) {
            iteration++;
            Arrays.fill(xtwx, 0);
            Arrays.fill(xtwz, 0);
            for (int i = 0; i < n; i++) {
                double m = mu[i];
                double variance = Double.isInfinite(theta) ? m : m + m * m / theta;
                double w = (weights == null ? 1 : weights[i]) * m * m / variance;
                if (w == 0) {
                    continue;
                }
                double z = eta[i] + (y[i] - m) / m;
                int base = (firstRow + i) * columns;
                int[] cells = nonZero[firstRow + i];
                for (int ia = 0; ia < cells.length; ia++) {
                    int a = cells[ia];
                    double wxa = w * design[base + a];
                    xtwz[a] += wxa * z;
                    int row = a * columns;
                    for (int ib = 0; ib <= ia; ib++) {
                        int b = cells[ib];
                        xtwx[row + b] += wxa * design[base + b];
                    }
                }
            }
            if (ridge != null) {
                for (int a = 0; a < columns; a++) {
                    xtwx[a * columns + a] += ridge[a];
                    if (prior != null) {
                        xtwz[a] += ridge[a] * prior[a];
                    }
                }
            }
            double[] next = Cholesky.solveLowerStored(xtwx, columns, xtwz);
            System.arraycopy(next, 0, beta, 0, columns);
            for (int i = 0; i < n; i++) {
                eta[i] = Math.min(30, dot(design, nonZero, columns, firstRow + i, beta));
                mu[i] = Math.exp(eta[i]);
            }
            if (family == Family.NEGATIVE_BINOMIAL) {
                theta = momentTheta(y, mu, weights);
            }
            double newDeviance = deviance(y, mu, weights, theta);
            if (Math.abs(newDeviance - deviance) / (Math.abs(newDeviance) + 0.1) < tolerance) {
                deviance = newDeviance;
                converged = true;
                break;
            }
            deviance = newDeviance;
        }
        return new Fit(beta, theta, deviance, iteration, converged);
    }

    private static double dot(double[] design, int[][] nonZero, int columns, int row, double[] beta) {
        double s = 0;
        int base = row * columns;
        for (int j : nonZero[row]) {
            s += design[base + j] * beta[j];
        }
        return s;
    }

    /**
     * Dispersion of a negative binomial by moments: Var = mu + mu^2/theta, so
     * 1/theta = sum((y-mu)^2 - mu) / sum(mu^2). Infinite (Poisson) when there is no excess variance.
     */
    static double momentTheta(double[] y, double[] mu, double[] weights) {
        double excess = 0;
        double scale = 0;
        for (int i = 0; i < y.length; i++) {
            double w = weights == null ? 1 : weights[i];
            double r = y[i] - mu[i];
            excess += w * (r * r - mu[i]);
            scale += w * mu[i] * mu[i];
        }
        if (excess <= 0 || scale <= 0) {
            return MAX_THETA;
        }
        return Math.max(MIN_THETA, Math.min(MAX_THETA, scale / excess));
    }

    /** Poisson or negative binomial deviance (weighted). */
    static double deviance(double[] y, double[] mu, double[] weights, double theta) {
        double d = 0;
        for (int i = 0; i < y.length; i++) {
            double w = weights == null ? 1 : weights[i];
            double yi = y[i];
            double m = mu[i];
            double term;
            if (Double.isInfinite(theta)) {
                term = (yi > 0 ? yi * Math.log(yi / m) : 0) - (yi - m);
            } else {
                term = (yi > 0 ? yi * Math.log(yi / m) : 0) - (yi + theta) * Math.log((yi + theta) / (m + theta));
            }
            d += 2 * w * term;
        }
        return d;
    }
}
