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
        return quantiles(mu, theta, new double[] {p})[0];
    }

    /**
     * Quantiles for ascending probabilities in one walk over the pmf, for mean mu and dispersion theta
     * (infinite theta = Poisson).
     */
    public static int[] quantiles(double mu, double theta, double[] ascendingProbabilities) {
        int[] out = new int[ascendingProbabilities.length];
        if (mu <= 0) {
            return out;
        }
        double t = Double.isInfinite(theta) || theta > 1e7 ? 1e7 : theta;
        // p(k+1) = p(k) (k+t)/(k+1) * mu/(t+mu), walked in log space from zero: exponentiating each term
        // separately cannot underflow the running sum where it matters.
        double logRatio = Math.log(mu / (t + mu));
        double logP = t * Math.log(t / (t + mu));
        double cumulative = 0;
        int limit = (int) Math.max(50, mu + 40 * Math.sqrt(mu + mu * mu / t) + 50);
        int next = 0;
        for (int k = 0; k < limit && next < out.length; k++) {
            cumulative += Math.exp(logP);
            while (next < out.length && cumulative >= ascendingProbabilities[next]) {
                out[next++] = k;
            }
            logP += Math.log((k + t) / (k + 1)) + logRatio;
        }
        while (next < out.length) {
            out[next++] = limit;
        }
        return out;
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
