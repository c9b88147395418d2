package org.khareetaty.analysis.hotspot;

import java.util.Arrays;

/**
 * Getis-Ord Gi* with binary weights (a unit is its own neighbour), as in Getis &amp; Ord (1995) and
 * ArcGIS's Hot Spot Analysis:
 * <pre>
 *   Gi* = (Σj wij xj − X̄ Σj wij) / (S · √((n Σj wij² − (Σj wij)²) / (n − 1)))
 *   X̄ = Σ xj / n,  S = √(Σ xj² / n − X̄²)
 * </pre>
 * Gi* is a z-score; two-sided p-values come from the standard normal. Significance is corrected for
 * multiple testing with the Benjamini–Hochberg false discovery rate at 10 %, 5 % and 1 %, giving each
 * unit a confidence of 99, 95, 90 (hot), −99, −95, −90 (cold) or 0 (not significant).
 */
public final class GetisOrd {

    private static final int[] LEVELS = {99, 95, 90};

    /** Per unit: z-score, two-sided p-value and FDR-corrected confidence (signed). */
    public record Result(double[] z, double[] p, int[] confidence) {

        public int count(int level) {
            return (int) Arrays.stream(confidence).filter(c -> c == level).count();
        }
    }

    private GetisOrd() {
    }

    /**
     * @param values     the count (or other value) of every unit
     * @param neighbours for each unit, the units within its neighbourhood; must include the unit itself
     */
    public static Result compute(double[] values, int[][] neighbours) {
        int n = values.length;
        if (n < 3) {
            throw new IllegalArgumentException("Gi* needs at least 3 units, not " + n);
        }
        double sum = 0;
        double sumSquares = 0;
        for (double v : values) {
            sum += v;
            sumSquares += v * v;
        }
        double mean = sum / n;
        double s = Math.sqrt(Math.max(0, sumSquares / n - mean * mean));
        double[] z = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            double local = 0;
            for (int j : neighbours[i]) {
                local += values[j];
            }
            double weights = neighbours[i].length;
            // Binary weights: Σ wij² = Σ wij.
            double denominator = s * Math.sqrt((n * weights - weights * weights) / (n - 1));
            z[i] = denominator > 0 ? (local - mean * weights) / denominator : 0;
            p[i] = 2 * normalUpperTail(Math.abs(z[i]));
        }
        return new Result(z, p, confidence(z, p));
    }

    /** Benjamini–Hochberg at each level: the highest level at which a unit is a discovery, signed by z. */
    static int[] confidence(double[] z, double[] p) {
        int n = p.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
        int[] confidence = new int[n];
        for (int level : LEVELS) {
            int percent = 100 - level;
            int discoveries = 0;
            for (int k = n; k >= 1; k--) {
                // (100 − level)·k / (100·n) in one division, so thresholds such as 0.06 are not rounded down.
                if (p[order[k - 1]] <= (double) percent * k / (100.0 * n)) {
                    discoveries = k;
                    break;
                }
            }
            for (int k = 0; k < discoveries; k++) {
                int unit = order[k];
                if (confidence[unit] == 0 && z[unit] != 0) {
                    confidence[unit] = z[unit] > 0 ? level : -level;
                }
            }
        }
        return confidence;
    }

    /** P(Z &gt; z) for the standard normal, via the complementary error function. */
    static double normalUpperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** Complementary error function, relative error below 1.2e-7 (Numerical Recipes' erfcc). */
    static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double result = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? result : 2 - result;
    }
}
