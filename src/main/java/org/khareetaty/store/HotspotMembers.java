package org.khareetaty.store;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.h2.tools.SimpleResultSet;

/**
 * Which incidents a hotspot analysis put in each hotspot, stored as one value per hotspot (table
 * {@code hotspot_member}): the incident ids sorted, 16 bytes each. A ten-year DBSCAN run has hotspots
 * of a million incidents or more; one row per incident made saving such a run take longer than the
 * analysis itself (ADR 0023).
 */
public final class HotspotMembers {

    private HotspotMembers() {
    }

    /** Stores the members of one hotspot; {@code ids} may be in any order and is sorted here. */
    public static void write(Connection connection, UUID hotspotId, UUID[] ids) throws SQLException {
        UUID[] sorted = ids.clone();
        Arrays.sort(sorted);
        ByteBuffer bytes = ByteBuffer.allocate(sorted.length * 16);
        for (UUID id : sorted) {
            bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO hotspot_member (hotspot_id, member_count, incident_ids) VALUES (?, ?, ?)")) {
            insert.setObject(1, hotspotId);
            insert.setInt(2, sorted.length);
            insert.setBinaryStream(3, new ByteArrayInputStream(bytes.array()), bytes.capacity());
            insert.executeUpdate();
        }
    }

    /** The members of a hotspot in id order, or empty when the run stored none for it (e.g. grid hotspots). */
    public static Optional<List<UUID>> read(Connection connection, UUID hotspotId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT member_count, incident_ids FROM hotspot_member WHERE hotspot_id = ?")) {
            statement.setObject(1, hotspotId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int count = rs.getInt(1);
                List<UUID> ids = new ArrayList<>(count);
                try (InputStream stream = rs.getBinaryStream(2);
                        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream, 1 << 16))) {
                    for (int i = 0; i < count; i++) {
                        ids.add(new UUID(in.readLong(), in.readLong()));
                    }
                } catch (IOException e) {
                    throw new SQLException("Cannot read the members of hotspot " + hotspotId + ": " + e.getMessage(), e);
                }
                return Optional.of(ids);
            }
        }
    }

    /**
     * SQL table function {@code HOTSPOT_MEMBER_IDS(hotspot_id)} (column {@code INCIDENT_ID}), so queries can
     * select a hotspot's incidents with {@code i.id IN (SELECT incident_id FROM HOTSPOT_MEMBER_IDS(?))},
     * which H2 answers by primary-key look-ups. H2 first calls it with a column-list connection to learn the
     * columns, then with the query's connection.
     */
    public static ResultSet memberIds(Connection connection, UUID hotspotId) throws SQLException {
        SimpleResultSet result = new SimpleResultSet();
        result.addColumn("INCIDENT_ID", Types.BINARY, "UUID", 16, 0);
        if (hotspotId == null || "jdbc:columnlist:connection".equals(connection.getMetaData().getURL())) {
            return result;
        }
        for (UUID id : read(connection, hotspotId).orElse(List.of())) {
            result.addRow(id);
        }
        return result;
    }

    /** Whether the run stored a member list for the hotspot. */
    public static boolean exist(Connection connection, UUID hotspotId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM hotspot_member WHERE hotspot_id = ?")) {
            statement.setObject(1, hotspotId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }
}
