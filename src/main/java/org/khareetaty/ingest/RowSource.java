package org.khareetaty.ingest;

import java.io.IOException;
import java.util.List;

/** Rows of one source file, read once from start to end. */
interface RowSource extends AutoCloseable {

    List<String> header();

    /** The next row, or null at the end; the row is valid until the next call. */
    SourceRow next() throws IOException;

    /** SHA-256 of the file's bytes as read (complete once {@link #next()} returned null). */
    String sha256();

    @Override
    void close() throws IOException;
}
