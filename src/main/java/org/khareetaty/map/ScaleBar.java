package org.khareetaty.map;

/** A scale bar: a round ground length and how many pixels it takes. */
public record ScaleBar(double metres, double pixels, String label) {

    /** The round length (1, 2 or 5 x 10^n m) whose bar is closest to, but not over, {@code targetPixels}. */
    public static ScaleBar of(double metresPerPixel, double targetPixels) {
        double target = metresPerPixel * targetPixels;
        double power = Math.pow(10, Math.floor(Math.log10(target)));
        double metres = power;
        for (double step : new double[] {1, 2, 5}) {
            if (step * power <= target) {
                metres = step * power;
            }
        }
        String label = metres >= 1000 ? format(metres / 1000) + " km" : format(metres) + " m";
        return new ScaleBar(metres, metres / metresPerPixel, label);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
