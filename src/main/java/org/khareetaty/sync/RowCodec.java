package org.khareetaty.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * Moves synced column values between JDBC and a canonical text form used to
 * compare and hash rows. In memory a row is an {@code Object[]} in {@link SyncEntity#columns()} order:
 * UUID, String, Instant (microseconds), LocalDate, Integer, Long, Double, Boolean, or EWKB bytes for geometry.
 */
public final class RowCodec {

    private static final HexFormat HEX = HexFormat.of();

    private RowCodec() {
    }

    /** The SELECT list for an entity; geometry is read as EWKB on both databases. */
    public static String selectList(SyncEntity entity, String alias, boolean postgres) {
        StringBuilder sql = new StringBuilder();
        for (SyncColumn column : entity.columns()) {
            if (sql.length() > 0) {
                sql.append(", ");
            }
            String name = alias + "." + column.name();
            if (column.type() == ColumnType.GEOMETRY && postgres) {
                sql.append("ST_AsEWKB(").append(name).append(")");
            } else {
                sql.append(name);
            }
        }
        return sql.toString();
    }

    public static Object[] read(SyncEntity entity, ResultSet rs) throws SQLException {
        return read(entity, rs, 1);
    }

    /** Reads a row whose first column is at {@code first} (1-based). */
    public static Object[] read(SyncEntity entity, ResultSet rs, int first) throws SQLException {
        List<SyncColumn> columns = entity.columns();
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = readValue(columns.get(i).type(), rs, first + i);
        }
        return row;
    }

    /** Typed getters return null for SQL NULL: no wasNull() call (each JDBC call costs a lock in H2's pool). */
    private static Object readValue(ColumnType type, ResultSet rs, int index) throws SQLException {
        return switch (type) {
            case UUID -> rs.getObject(index, UUID.class);
            case TEXT -> rs.getString(index);
            case TIMESTAMPTZ -> {
                OffsetDateTime time = rs.getObject(index, OffsetDateTime.class);
                yield time == null ? null : time.toInstant().truncatedTo(ChronoUnit.MICROS);
            }
            case DATE -> rs.getObject(index, LocalDate.class);
            case INT -> rs.getObject(index, Integer.class);
            case BIGINT -> rs.getObject(index, Long.class);
            case DOUBLE -> rs.getObject(index, Double.class);
            case BOOL -> rs.getObject(index, Boolean.class);
            case GEOMETRY -> rs.getBytes(index);
        };
    }

    /** Binds a value as a JDBC parameter; geometry goes in as EWKB (wrap the placeholder in a conversion). */
    public static void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, switch (type) {
                case UUID -> Types.OTHER;
                case TEXT -> Types.VARCHAR;
                case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
                case DATE -> Types.DATE;
                case INT -> Types.INTEGER;
                case BIGINT -> Types.BIGINT;
                case DOUBLE -> Types.DOUBLE;
                case BOOL -> Types.BOOLEAN;
                case GEOMETRY -> Types.VARBINARY;
            });
            return;
        }
        switch (type) {
            case TIMESTAMPTZ -> statement.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
            case GEOMETRY -> statement.setBytes(index, (byte[]) value);
            default -> statement.setObject(index, value);
        }
    }

    /**
     * A value as text that is equal on both databases for equal content: instants in UTC ISO form, numbers
     * in Java notation, geometry as little-endian 2D WKB plus SRID (H2 and PostGIS differ in byte order).
     */
    public static String canonical(ColumnType type, Object value) {
        if (value == null) {
            return "\\N";
        }
        if (type == ColumnType.GEOMETRY) {
            Geometry geometry = geometry((byte[]) value);
            WKBWriter writer = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, false);
            return HEX.formatHex(writer.write(geometry)) + "@" + geometry.getSRID();
        }
        return value.toString();
    }

    public static String canonicalRow(SyncEntity entity, Object[] row) {
        StringBuilder text = new StringBuilder();
        List<SyncColumn> columns = entity.columns();
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            text.append(canonical(columns.get(i).type(), row[i]));
        }
        return text.toString();
    }

    static Geometry geometry(byte[] ewkb) {
        try {
            return new WKBReader().read(ewkb);
        } catch (ParseException e) {
            throw new IllegalStateException("Unreadable geometry: " + e.getMessage(), e);
        }
    }

    /** 64 bits of SHA-256 of a row's canonical text: summed over a table, an order-independent content hash. */
    public static long rowHash(SyncEntity entity, Object[] row) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRow(entity, row).getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < 8; i++) {
                hash = (hash << 8) | (digest[i] & 0xff);
            }
            return hash;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
