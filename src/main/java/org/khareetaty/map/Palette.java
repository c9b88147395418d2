package org.khareetaty.map;

import java.util.Locale;

/** Colour schemes of the map (ColorBrewer-style), as ARGB ints, and class-label formatting. */
public final class Palette {

    /** Sequential yellow-orange-red, light to dark: densities, heat, counts. */
    public static final int[] HEAT = {0xFFFFFFB2, 0xFFFED976, 0xFFFEB24C, 0xFFFD8D3C, 0xFFF03B20, 0xFFBD0026};
    /** Sequential purples: forecast risk. */
    public static final int[] RISK = {0xFFF2F0F7, 0xFFDADAEB, 0xFFBCBDDC, 0xFF9E9AC8, 0xFF756BB1, 0xFF54278F};
    /** Diverging blue-white-red: change and Gi* cold/hot spots. */
    public static final int[] DIVERGING = {0xFF2166AC, 0xFF67A9CF, 0xFFD1E5F0, 0xFFF7F7F7, 0xFFFDDBC7, 0xFFEF8A62, 0xFFB2182B};
    /**
     * Qualitative, for the most frequent incident categories, most frequent first (from ColorBrewer's Set1 and Dark2 and
     * D3's cyan; no two alike, no grey).
     */
    public static final int[] CATEGORIES = {0xFFE41A1C, 0xFF377EB8, 0xFF4DAF4A, 0xFF984EA3, 0xFFFF7F00, 0xFFA65628,
        0xFFF781BF, 0xFF1B9E77, 0xFFE6AB02, 0xFF17BECF, 0xFF08306B};
    /** The categories beyond {@link #CATEGORIES}. */
    public static final int OTHER_CATEGORIES = 0xFF777777;

    private Palette() {
    }

    /** The class of {@code value} given ascending upper breaks: 0 when below breaks[0], breaks.length when above all. */
    public static int classOf(double value, double[] breaks) {
        int c = 0;
        while (c < breaks.length && value >= breaks[c]) {
            c++;
        }
        return c;
    }

    public static int withAlpha(int argb, int alpha) {
        return (alpha << 24) | (argb & 0xFFFFFF);
    }

    /** A short number for legends: 0.042, 3.5, 120, 12,400. */
    public static String number(double value) {
        double abs = Math.abs(value);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
