package org.khareetaty.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.khareetaty.common.TaskContext;

/**
 * Writes and rewrites the columnar incident blocks behind {@code incident} and {@code incident_area} (ADR 0013),
 * always on the caller's connection and transaction: an import's blocks commit or roll back with its batch.
 */
public final class IncidentBlocks {

    private IncidentBlocks() {
    }

    /** Where a point lies among the areas of one kind. */
    public interface AreaLookup {
        /** The area ids the codes of {@link #locate} point into. */
        UUID[] areaIds();

        /** The index of the area holding the point in {@link #areaIds()}, or -1. */
        int locate(double lon, double lat);
    }

    /** The id of a new block: time-ordered like the other incident ids, with 16 free low bits for the row. */
    public static UUID newBlockId(long idHigh, long firstRow) {
        return new UUID(idHigh, 0x8000000000000000L | (firstRow << 16));
    }

    /**
     * The row number the next block starts at: block rows are numbered densely in write order, and their
     * {@code _ROWID_} follows that number (sync's bulk push reads a batch in ranges of it).
     */
    public static long nextFirstRow(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(first_row + row_count), 0) FROM incident_block")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Stores one block of one source file of an import batch. */
    public static void write(Connection connection, UUID blockId, long firstRow, UUID batchId, UUID fileId,
            String sourceZone, OffsetDateTime createdAt, IncidentBlock block) throws SQLException {
        if (block.size == 0) {
            return;
        }
        try (PreparedStatement meta = connection.prepareStatement("INSERT INTO incident_block (id, first_row, batch_id, "
                + "file_id, source_zone, created_at, row_count, area_links, min_date, max_date, min_lon, min_lat, "
                + "max_lon, max_lat, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)");
                PreparedStatement data = connection.prepareStatement(
                        "INSERT INTO incident_block_data (id, payload) VALUES (?, ?)")) {
            bindMeta(meta, blockId, firstRow, batchId, fileId, sourceZone, createdAt, block);
            meta.executeUpdate();
            data.setObject(1, blockId);
            data.setBytes(2, block.encode());
            data.executeUpdate();
        }
    }

    private static void bindMeta(PreparedStatement meta, UUID blockId, long firstRow, UUID batchId, UUID fileId,
            String sourceZone, OffsetDateTime createdAt, IncidentBlock block) throws SQLException {
        int minDay = Integer.MAX_VALUE;
        int maxDay = Integer.MIN_VALUE;
        double minLon = Double.POSITIVE_INFINITY;
        double minLat = Double.POSITIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < block.size; i++) {
            minDay = Math.min(minDay, block.epochDay[i]);
            maxDay = Math.max(maxDay, block.epochDay[i]);
            if (!Double.isNaN(block.lon[i])) {
                minLon = Math.min(minLon, block.lon[i]);
                maxLon = Math.max(maxLon, block.lon[i]);
                minLat = Math.min(minLat, block.lat[i]);
                maxLat = Math.max(maxLat, block.lat[i]);
            }
        }
        meta.setObject(1, blockId);
        meta.setLong(2, firstRow);
        meta.setObject(3, batchId);
        meta.setObject(4, fileId);
        meta.setString(5, sourceZone);
        meta.setObject(6, createdAt);
        meta.setInt(7, block.size);
        meta.setInt(8, block.areaLinks());
        meta.setObject(9, LocalDate.ofEpochDay(minDay));
        meta.setObject(10, LocalDate.ofEpochDay(maxDay));
        boolean located = minLon <= maxLon;
        for (int p = 0; p < 4; p++) {
            double value = p == 0 ? minLon : p == 1 ? minLat : p == 2 ? maxLon : maxLat;
            if (located) {
                meta.setDouble(11 + p, value);
            } else {
                meta.setNull(11 + p, java.sql.Types.DOUBLE);
            }
        }
    }

    /**
     * Removes the blocks of a batch (and the tombstones of their rows); returns how many incidents they held
     * that were not deleted already. Rows of the batch in the row tables are left to the caller's SQL.
     */
    public static long deleteBatch(Connection connection, UUID batchId) throws SQLException {
        List<UUID> blocks = new ArrayList<>();
        long rows = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, row_count FROM incident_block WHERE batch_id = ?")) {
            statement.setObject(1, batchId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    blocks.add(rs.getObject(1, UUID.class));
                    rows += rs.getLong(2);
                }
            }
        }
        if (blocks.isEmpty()) {
            return 0;
        }
        rows -= deleteTombstones(connection, "incident_gone", "id", blocks);
        deleteTombstones(connection, "incident_area_gone", "incident_id", blocks);
        try (PreparedStatement data = connection.prepareStatement("DELETE FROM incident_block_data WHERE id = ?");
                PreparedStatement meta = connection.prepareStatement("DELETE FROM incident_block WHERE id = ?")) {
            for (UUID block : blocks) {
                data.setObject(1, block);
                data.executeUpdate();
                meta.setObject(1, block);
                meta.executeUpdate();
            }
        }
        return rows;
    }

    /** Deletes the tombstones of rows of the given blocks; returns how many there were. */
    private static long deleteTombstones(Connection connection, String table, String idColumn, List<UUID> blocks)
            throws SQLException {
        java.util.Set<UUID> blockIds = new java.util.HashSet<>(blocks);
        List<UUID> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DISTINCT " + idColumn + " FROM " + table)) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                if (blockIds.contains(new UUID(id.getMostSignificantBits(), id.getLeastSignificantBits() & ~0xffffL))) {
                    ids.add(id);
                }
            }
        }
        long deleted = 0;
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + idColumn + " = ?")) {
            for (UUID id : ids) {
                delete.setObject(1, id);
                deleted += delete.executeUpdate() > 0 ? 1 : 0;
            }
        }
        return deleted;
    }

    /**
     * Links every located incident to its area of {@code kind} again ({@code lookup == null}: unlinks them all):
     * block rows by rewriting each block's area column, rows of the row table by replacing their link rows.
     * Returns how many incidents got an area.
     */
    public static long relinkKind(Connection connection, String kind, AreaLookup lookup, TaskContext context)
            throws SQLException {
        try (PreparedStatement unlinkRows = connection.prepareStatement("DELETE FROM incident_area_row WHERE kind = ?");
                PreparedStatement unlinkGone = connection.prepareStatement("DELETE FROM incident_area_gone WHERE kind = ?")) {
            unlinkRows.setString(1, kind);
            unlinkRows.executeUpdate();
            unlinkGone.setString(1, kind);
            unlinkGone.executeUpdate();
        }
        List<UUID> blocks = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id FROM incident_block ORDER BY first_row")) {
            while (rs.next()) {
                blocks.add(rs.getObject(1, UUID.class));
            }
        }
        long assigned = 0;
        try (PreparedStatement read = connection.prepareStatement("SELECT payload FROM incident_block_data WHERE id = ?");
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE incident_block_data SET payload = ? WHERE id = ?");
                PreparedStatement meta = connection.prepareStatement(
                        "UPDATE incident_block SET area_links = ?, version = version + 1 WHERE id = ?")) {
            for (int b = 0; b < blocks.size(); b++) {
                UUID id = blocks.get(b);
                read.setObject(1, id);
                IncidentBlock block;
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    block = IncidentBlock.decode(rs.getBytes(1));
                }
                IncidentBlock relinked;
                if (lookup == null) {
                    relinked = block.withAreas(kind, null, null);
                } else {
                    int[] codes = new int[block.size];
                    for (int i = 0; i < block.size; i++) {
                        codes[i] = Double.isNaN(block.lon[i]) ? -1 : lookup.locate(block.lon[i], block.lat[i]);
                        assigned += codes[i] >= 0 ? 1 : 0;
                    }
                    relinked = block.withAreas(kind, lookup.areaIds(), codes);
                }
                write.setBytes(1, relinked.encode());
                write.setObject(2, id);
                write.executeUpdate();
                meta.setInt(1, relinked.areaLinks());
                meta.setObject(2, id);
                meta.executeUpdate();
                context.checkCancelled();
                context.progress(b + 1, blocks.size(), String.format("Assigning incidents to %s areas: block %,d of %,d",
                        kind, b + 1, blocks.size()));
            }
        }
        if (lookup == null) {
            return assigned;
        }
        UUID[] areaIds = lookup.areaIds();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT id, lon, lat FROM incident_row WHERE lon IS NOT NULL");
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO incident_area_row (incident_id, kind, area_id) VALUES (?, ?, ?)")) {
            int pending = 0;
            while (rs.next()) {
                int area = lookup.locate(rs.getDouble(2), rs.getDouble(3));
                if (area >= 0) {
                    insert.setObject(1, rs.getObject(1, UUID.class));
                    insert.setString(2, kind);
                    insert.setObject(3, areaIds[area]);
                    insert.addBatch();
                    assigned++;
                    if (++pending == 4096) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
        return assigned;
    }
}
