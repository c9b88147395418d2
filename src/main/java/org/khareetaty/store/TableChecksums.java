package org.khareetaty.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        return database.withConnection(TableChecksums::of);
    }

    /**
     * The same figures over any H2 connection, also one to another H2 engine (the legacy engine of a file-format
     * upgrade): only JDBC and each row's text form are used, so two engines that hold the same content agree.
     */
    public static Map<String, TableSum> of(Connection connection) throws SQLException {
        Map<String, TableSum> sums = new LinkedHashMap<>();
        for (String table : applicationTables(connection)) {
            long rows = 0;
            long sum = 0;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT * FROM " + quoted(table))) {
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
            sums.put(table.toLowerCase(Locale.ROOT), new TableSum(rows, Long.toHexString(sum)));
        }
        return sums;
    }

    /** The application's tables as H2 names them (Flyway's history and H2GIS's reference table left out). */
    static List<String> applicationTables(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC' "
                                + "AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME <> 'flyway_schema_history' "
                                + "AND TABLE_NAME NOT IN ('SPATIAL_REF_SYS') ORDER BY TABLE_NAME")) {
            while (tables.next()) {
                names.add(tables.getString(1));
            }
        }
        return names;
    }

    static String quoted(String table) {
        return "\"" + table.replace("\"", "\"\"") + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
