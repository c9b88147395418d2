package org.khareetaty.sync;

import java.sql.SQLException;

/**
 * The incidents of one bulk chunk, streamed in order to a sink (read from H2 while the server applies
 * them). Can be read again: a chunk the server cannot take by COPY goes through the merge path in memory.
 */
@FunctionalInterface
interface ChunkRows {

    /** Receives one row, in {@link SyncEntity#columns()} order. */
    @FunctionalInterface
    interface Sink {
        void accept(Object[] row) throws SQLException;
    }

    void forEach(Sink sink) throws SQLException;
}
