package org.khareetaty.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Row count and content checksum of every application table, independent of row order (the sum of each
 * row's SHA-256 prefix), so two databases with the same content give the same figures without sorting.
 */
public final class TableChecksums {

    /** Rows and checksum of one table. */
    public record TableSum(long rows, String checksum) {
    }

    private TableChecksums() {
    }

    public static Map<String, TableSum> of(Database database) {
        return database.withConnection(connection -> {
            Map<String, TableSum> sums = new LinkedHashMap<>();
            for (String table : database.rowCounts().keySet()) {
                long rows = 0;
                long sum = 0;
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table.toUpperCase(java.util.Locale.ROOT) + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    MessageDigest digest = sha256();
                    while (rs.next()) {
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            digest.update(String.valueOf(rs.getString(c)).getBytes(StandardCharsets.UTF_8));
                            digest.update((byte) 0x1f);
                        }
                        byte[] hash = digest.digest();
                        long prefix = 0;
                        for (int i = 0; i < 8; i++) {
                            prefix = (prefix << 8) | (hash[i] & 0xff);
                        }
                        sum += prefix;
                        rows++;
                    }
                }
                sums.put(table, new TableSum(rows, Long.toHexString(sum)));
            }
            return sums;
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
