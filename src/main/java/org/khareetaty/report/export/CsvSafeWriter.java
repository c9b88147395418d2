package org.khareetaty.report.export;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Writes RFC 4180 CSV (comma separated, CRLF line ends, fields with a comma, quote, CR or LF quoted,
 * quotes doubled) that is safe to open in a spreadsheet: a text cell starting with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return is prefixed with a single quote, so Excel, LibreOffice
 * and Google Sheets show it as text instead of running it as a formula (CSV/formula injection).
 * Numbers written with {@link #number} are our own values and are not prefixed, so {@code -75.16}
 * stays a number.
 */
public final class CsvSafeWriter implements Closeable, Flushable {

    private final Writer out;
    private boolean rowStarted;

    public CsvSafeWriter(Writer out) {
        this.out = out;
    }

    /** A cell of untrusted text, neutralised and quoted as needed; null is an empty cell. */
    public CsvSafeWriter text(String value) throws IOException {
        separator();
        out.write(escape(neutralise(value == null ? "" : value)));
        return this;
    }

    public CsvSafeWriter number(long value) throws IOException {
        separator();
        out.write(Long.toString(value));
        return this;
    }

    /** A decimal number in plain notation; null (or NaN) is an empty cell. */
    public CsvSafeWriter number(Double value) throws IOException {
        separator();
        if (value != null && !value.isNaN() && !value.isInfinite()) {
            out.write(plain(value));
        }
        return this;
    }

    public CsvSafeWriter number(Integer value) throws IOException {
        separator();
        if (value != null) {
            out.write(Integer.toString(value));
        }
        return this;
    }

    /** Writes a whole row of text cells. */
    public void row(String... cells) throws IOException {
        for (String cell : cells) {
            text(cell);
        }
        endRow();
    }

    public void endRow() throws IOException {
        out.write("\r\n");
        rowStarted = false;
    }

    private void separator() throws IOException {
        if (rowStarted) {
            out.write(',');
        }
        rowStarted = true;
    }

    /** The single-quote prefix that makes spreadsheets treat a would-be formula as text. */
    public static String neutralise(String value) {
        if (value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return switch (first) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    /** RFC 4180 quoting: only when needed, with inner quotes doubled. */
    public static String escape(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return text.toLowerCase(Locale.ROOT);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
