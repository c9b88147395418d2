package org.khareetaty.ingest;

/** One row of any source (a CSV record or a GeoJSON/Shapefile feature), as the row parser sees it. */
interface SourceRow {
    long line();

    int fieldCount();

    String field(int column);

    boolean isBlank(int column);

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
