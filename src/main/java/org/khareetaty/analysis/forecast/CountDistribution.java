package org.khareetaty.analysis.forecast;

/**
 * Quantiles of the negative binomial predictive distribution (Poisson when theta is infinite), so
 * intervals are whole, never-negative counts even for series that are mostly zeros.
 */
public final class CountDistribution {

    private CountDistribution() {
    }

    /** The smallest count k with P(Y <= k) >= p, for mean mu and dispersion theta. */
    public static int quantile(double mu, double theta, double p) {
        if (mu <= 0) {
            return 0;
        }
        double t = Double.isInfinite(theta) || theta > 1e7 ? 1e7 : theta;
        // Walk the pmf in log space from zero: p(k+1) = p(k) (k+t)/(k+1) * mu/(t+mu); exp of each term
        // separately cannot underflow the running sum where it matters.
        double logRatio = Math.log(mu / (t + mu));
        double logP = t * Math.log(t / (t + mu));
        double cumulative = 0;
        int limit = (int) Math.max(50, mu + 40 * Math.sqrt(mu + mu * mu / t) + 50);
        for (int k = 0; k < limit; k++) {
            cumulative += Math.exp(logP);
            if (cumulative >= p) {
                return k;
            }
            logP += Math.log((k + t) / (k + 1)) + logRatio;
        }
        return limit;
    }

    /** Variance of the negative binomial. */
    public static double variance(double mu, double theta) {
        return Double.isInfinite(theta) ? mu : mu + mu * mu / theta;
    }

    /** The dispersion of a negative binomial with the given mean and variance (infinite if not over-dispersed). */
    public static double thetaFor(double mean, double variance) {
        double excess = variance - mean;
        return excess <= 1e-12 ? Double.POSITIVE_INFINITY : mean * mean / excess;
    }
}
