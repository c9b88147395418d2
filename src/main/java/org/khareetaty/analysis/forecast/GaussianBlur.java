package org.khareetaty.analysis.forecast;

/** Separable Gaussian smoothing of a row-major raster (kernel truncated at 3 sigma, mass kept). */
final class GaussianBlur {

    private GaussianBlur() {
    }

    /** A smoothed copy; sigma in cells. Sigma below 0.05 returns a plain copy. */
    static double[] blur(double[] values, int columns, int rows, double sigmaCells) {
        if (sigmaCells < 0.05) {
            return values.clone();
        }
        int radius = (int) Math.ceil(3 * sigmaCells);
        double[] kernel = new double[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = Math.exp(-0.5 * k * k / (sigmaCells * sigmaCells));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= sum;
        }
        double[] horizontal = new double[values.length];
        for (int r = 0; r < rows; r++) {
            int base = r * columns;
            for (int c = 0; c < columns; c++) {
                double v = values[base + c];
                if (v == 0) {
                    continue;
                }
                int from = Math.max(0, c - radius);
                int to = Math.min(columns - 1, c + radius);
                for (int cc = from; cc <= to; cc++) {
                    horizontal[base + cc] += v * kernel[cc - c + radius];
                }
            }
        }
        double[] out = new double[values.length];
        for (int r = 0; r < rows; r++) {
            int base = r * columns;
            int from = Math.max(0, r - radius);
            int to = Math.min(rows - 1, r + radius);
            for (int c = 0; c < columns; c++) {
                double v = horizontal[base + c];
                if (v == 0) {
                    continue;
                }
                for (int rr = from; rr <= to; rr++) {
                    out[rr * columns + c] += v * kernel[rr - r + radius];
                }
            }
        }
        return out;
    }
}
