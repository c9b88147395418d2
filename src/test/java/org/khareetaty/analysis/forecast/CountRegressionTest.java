package org.khareetaty.analysis.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CountRegressionTest {

    /**
     * Dobson (1990) "Randomized Controlled Trial" from R's ?glm: counts ~ outcome + treatment, Poisson.
     * For a main-effects Poisson model of a two-way table the maximum-likelihood fitted values are known
     * in closed form (row total x column total / grand total), and R reports residual deviance 5.129141.
     */
    @Test
    void poissonFitMatchesTheKnownAnswerOfTheDobsonExample() {
        double[] counts = {18, 17, 15, 20, 10, 20, 25, 13, 12};
        int columns = 5; // intercept, outcome2, outcome3, treatment2, treatment3
        double[] design = new double[counts.length * columns];
        for (int i = 0; i < counts.length; i++) {
            int outcome = i % 3;
            int treatment = i / 3;
            design[i * columns] = 1;
            if (outcome > 0) {
                design[i * columns + outcome] = 1;
            }
            if (treatment > 0) {
                design[i * columns + 2 + treatment] = 1;
            }
        }
        CountRegression.Fit fit = CountRegression.poisson().fit(design, columns, counts, null, null, null);

        double[] outcomeTotals = new double[3];
        double[] treatmentTotals = new double[3];
        double grand = 0;
        for (int i = 0; i < counts.length; i++) {
            outcomeTotals[i % 3] += counts[i];
            treatmentTotals[i / 3] += counts[i];
            grand += counts[i];
        }
        double[] b = fit.coefficients();
        assertThat(b[0]).isCloseTo(Math.log(outcomeTotals[0] * treatmentTotals[0] / grand), within(1e-8));
        assertThat(b[0]).isCloseTo(3.044522, within(1e-6)); // as printed by R
        assertThat(b[1]).isCloseTo(Math.log(outcomeTotals[1] / outcomeTotals[0]), within(1e-8));
        assertThat(b[1]).isCloseTo(-0.4542553, within(1e-6));
        assertThat(b[2]).isCloseTo(Math.log(outcomeTotals[2] / outcomeTotals[0]), within(1e-8));
        assertThat(b[3]).isCloseTo(0, within(1e-8));
        assertThat(b[4]).isCloseTo(0, within(1e-8));
        assertThat(fit.deviance()).isCloseTo(5.129141, within(1e-5));
        assertThat(fit.converged()).isTrue();
        assertThat(fit.iterations()).isGreaterThan(1);
    }

    @Test
    void negativeBinomialRecoversSimulatedCoefficientsAndDispersion() {
        Random random = new Random(42);
        int n = 4000;
        int columns = 3;
        double[] design = new double[n * columns];
        double[] y = new double[n];
        double theta = 5;
        for (int i = 0; i < n; i++) {
            double x1 = random.nextGaussian();
            double x2 = i % 2;
            design[i * columns] = 1;
            design[i * columns + 1] = x1;
            design[i * columns + 2] = x2;
            double mu = Math.exp(1.5 + 0.3 * x1 - 0.7 * x2);
            // Negative binomial as a gamma-Poisson mixture.
            double lambda = gamma(random, theta) * mu / theta;
            y[i] = poisson(random, lambda);
        }
        CountRegression.Fit fit = new CountRegression(CountRegression.Family.NEGATIVE_BINOMIAL, 50, 1e-10)
                .fit(design, columns, y, null, null, null);
        assertThat(fit.coefficients()[0]).isCloseTo(1.5, within(0.05));
        assertThat(fit.coefficients()[1]).isCloseTo(0.3, within(0.03));
        assertThat(fit.coefficients()[2]).isCloseTo(-0.7, within(0.05));
        assertThat(fit.theta()).isCloseTo(theta, within(1.0));
    }

    private static double gamma(Random random, double shape) {
        // Marsaglia-Tsang for shape >= 1.
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v > 0 && Math.log(random.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    private static int poisson(Random random, double lambda) {
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
