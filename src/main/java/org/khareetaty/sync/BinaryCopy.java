package org.khareetaty.sync;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows to a {@code COPY ... FROM STDIN (FORMAT binary)} in PostgreSQL's binary COPY format, in
 * pieces of about 1 MB. Binary instead of text: no formatting of ids, times and numbers on the workstation
 * and no parsing on the server (geometry goes in as the EWKB both databases store). Values are typed as
 * {@link RowCodec} documents.
 */
final class BinaryCopy {

    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};
    private static final int FLUSH_BYTES = 1 << 20;
    /** 2000-01-01T00:00Z, PostgreSQL's epoch, in Unix microseconds and days. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();

    private final CopyIn copyIn;
    private byte[] buffer = new byte[FLUSH_BYTES + (64 << 10)];
    private int length;
    private long rows;

    BinaryCopy(CopyIn copyIn) {
        this.copyIn = copyIn;
        System.arraycopy(HEADER, 0, buffer, 0, HEADER.length);
        length = HEADER.length;
    }

    /** One row of the entity's columns, then {@code extra} bigint columns (such as the chunk's change seq). */
    void row(SyncEntity entity, Object[] row, long... extra) throws SQLException {
        List<SyncColumn> columns = entity.columns();
        short16(columns.size() + extra.length);
        for (int i = 0; i < row.length; i++) {
            value(columns.get(i).type(), row[i]);
        }
        for (long value : extra) {
            int32(8);
            int64(value);
        }
        rows++;
        if (length >= FLUSH_BYTES) {
            flush();
        }
    }

    /** Ends the COPY; returns the rows written. */
    long finish() throws SQLException {
        short16(-1);
        flush();
        copyIn.endCopy();
        return rows;
    }

    private void value(ColumnType type, Object value) {
        if (value == null) {
            int32(-1);
            return;
        }
        switch (type) {
            case UUID -> {
                UUID id = (UUID) value;
                int32(16);
                int64(id.getMostSignificantBits());
                int64(id.getLeastSignificantBits());
            }
            case TEXT -> bytes(((String) value).getBytes(StandardCharsets.UTF_8));
            case TIMESTAMPTZ -> {
                Instant at = (Instant) value;
                int32(8);
                int64(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000)
                        - PG_EPOCH_MICROS);
            }
            case DATE -> {
                int32(4);
                int32(Math.toIntExact(((LocalDate) value).toEpochDay() - PG_EPOCH_DAY));
            }
            case INT -> {
                int32(4);
                int32((Integer) value);
            }
            case BIGINT -> {
                int32(8);
                int64((Long) value);
            }
            case DOUBLE -> {
                int32(8);
                int64(Double.doubleToLongBits((Double) value));
            }
            case BOOL -> {
                int32(1);
                room(1);
                buffer[length++] = (byte) (((Boolean) value) ? 1 : 0);
            }
            case GEOMETRY -> bytes((byte[]) value); // EWKB: PostGIS's binary input
        }
    }

    private void bytes(byte[] value) {
        int32(value.length);
        room(value.length);
        System.arraycopy(value, 0, buffer, length, value.length);
        length += value.length;
    }

    private void short16(int value) {
        room(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int32(int value) {
        room(4);
        buffer[length++] = (byte) (value >>> 24);
        buffer[length++] = (byte) (value >>> 16);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void int64(long value) {
        int32((int) (value >>> 32));
        int32((int) value);
    }

    private void room(int bytes) {
        if (length + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + bytes));
        }
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copyIn.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }
}
