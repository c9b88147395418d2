package org.khareetaty.ingest;

import java.nio.charset.Charset;

/**
 * One row of any source (a CSV record or a GeoJSON/Shapefile feature), as the row parser sees it: each field
 * is a range of {@link #text()} in the row's ASCII-compatible {@link #charset()}, so dates and numbers can be
 * read without making Strings.
 */
interface SourceRow {
    long line();

    int fieldCount();

    /** The bytes the field ranges point into; valid until the next row. */
    byte[] text();

    /** Where a field starts in {@link #text()}; 0 for a column the row does not have. */
    int start(int column);

    /** Where a field ends (exclusive); equal to {@link #start} for an empty or missing field. */
    int end(int column);

    Charset charset();

    default String field(int column) {
        return new String(text(), start(column), end(column) - start(column), charset());
    }

    /** True when the field is missing or holds only spaces and control characters. */
    default boolean isBlank(int column) {
        byte[] text = text();
        for (int i = start(column), end = end(column); i < end; i++) {
            if ((text[i] & 0xff) > ' ') {
                return false;
            }
        }
        return true;
    }

    String rawText();

    /** A problem the reader found before any field was looked at, or null. */
    QuarantineReason readProblem();

    /** The feature's own point (FEATURE locations); NaN when it has none. */
    default double featureLon() {
        return Double.NaN;
    }

    default double featureLat() {
        return Double.NaN;
    }
}
