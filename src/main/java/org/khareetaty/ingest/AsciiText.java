package org.khareetaty.ingest;

/**
 * Helpers for fields given as bytes of an ASCII-compatible character set. Reads plain decimal numbers ({@code -75.15328983}) straight from ASCII bytes, exactly as
 * {@link Double#parseDouble} would: when the digits form an integer below 2^53 and there are at most 22 of
 * them after the point, that integer divided by a power of ten is one correctly rounded IEEE division (the
 * classic exact fast path). Everything else (exponents, more digits, NaN, hex) is left to the caller's
 * {@code Double.parseDouble}.
 */
final class AsciiText {

    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long LIMIT = (1L << 53) / 10;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private AsciiText() {
    }

    /** The ASCII characters {@link String#strip()} removes. */
    static boolean isWhitespace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
    }

    /**
     * The value of {@code [+-]digits[.digits]} between {@code from} and {@code to} (bytes up to space at either end
     * ignored, as {@code Double.parseDouble(text.strip())} does), or NaN when the text is not of that simple form.
     */
    static double parseDecimal(byte[] text, int from, int to) {
        int i = from;
        int end = to;
        while (i < end && (text[i] & 0xff) <= ' ') {
            i++;
        }
        while (end > i && (text[end - 1] & 0xff) <= ' ') {
            end--;
        }
        boolean negative = false;
        if (i < end && (text[i] == '-' || text[i] == '+')) {
            negative = text[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < end; i++) {
            int c = text[i];
            if (c >= '0' && c <= '9') {
                if (mantissa > LIMIT) {
                    return Double.NaN;
                }
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (point) {
                    fractionDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || mantissa >= 1L << 53 || fractionDigits >= POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double value = fractionDigits == 0 ? mantissa : mantissa / POWERS_OF_TEN[fractionDigits];
        return negative ? -value : value;
    }
}
