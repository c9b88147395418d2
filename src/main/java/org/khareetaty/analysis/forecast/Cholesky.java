package org.khareetaty.analysis.forecast;

/** Solves small symmetric positive-definite systems in place, for the normal equations of IRLS. */
final class Cholesky {

    private Cholesky() {
    }

    /**
     * Solves {@code A x = b} where only the lower triangle of the row-major {@code n x n} matrix {@code a}
     * is filled. {@code a} is overwritten by its Cholesky factor. A pivot that is not positive (a column the
     * data never varies) is replaced by a tiny one so the coefficient comes out zero instead of failing.
     */
    static double[] solveLowerStored(double[] a, int n, double[] b) {
        for (int j = 0; j < n; j++) {
            double diagonal = a[j * n + j];
            for (int k = 0; k < j; k++) {
                diagonal -= a[j * n + k] * a[j * n + k];
            }
            double pivot = diagonal > 1e-12 ? Math.sqrt(diagonal) : 1e-6;
            a[j * n + j] = pivot;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = diagonal > 1e-12 ? s / pivot : 0;
            }
        }
        double[] x = b.clone();
        for (int i = 0; i < n; i++) {
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= a[i * n + k] * x[k];
            }
            x[i] = s / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = x[i];
            for (int k = i + 1; k < n; k++) {
                s -= a[k * n + i] * x[k];
            }
            x[i] = s / a[i * n + i];
        }
        return x;
    }
}
