package org.khareetaty.sync;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A content hash of everything that syncs, computed the same way on the workstation and on the server:
 * per table the row count and the sum of each row's 64-bit canonical hash (order does not matter, a
 * changed, missing or extra row changes it). Equal hashes mean the same synced content.
 */
public record ContentHash(Map<String, Long> rows, Map<String, String> hashes) {

    public static ContentHash of(Connection connection, boolean postgres) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (SyncEntity entity : SyncEntity.values()) {
            long count = 0;
            long sum = 0;
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery("SELECT " + RowCodec.selectList(entity, "t", postgres)
                        + " FROM " + entity.table() + " t")) {
                    while (rs.next()) {
                        sum += RowCodec.rowHash(entity, RowCodec.read(entity, rs));
                        count++;
                    }
                }
            }
            rows.put(entity.table(), count);
            hashes.put(entity.table(), String.format("%016x", sum));
        }
        return new ContentHash(rows, hashes);
    }

    /** One hash for everything. */
    public String combined() {
        StringBuilder text = new StringBuilder();
        hashes.forEach((table, hash) -> text.append(table).append('=').append(rows.get(table)).append(':')
                .append(hash).append(';'));
        return text.toString();
    }
}
