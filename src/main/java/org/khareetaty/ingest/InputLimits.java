package org.khareetaty.ingest;

/**
 * Caps that keep a hostile or broken file from exhausting memory or disk: decompressed bytes per file,
 * entries per archive, and bytes of text per row.
 */
public record InputLimits(long maxDecompressedBytes, int maxArchiveEntries, int maxRecordBytes) {

    /** 8 GB decompressed per file, 64 archive entries, 1 million bytes of text per row. */
    public static final InputLimits DEFAULT = new InputLimits(8L << 30, 64, 1 << 20);
}
