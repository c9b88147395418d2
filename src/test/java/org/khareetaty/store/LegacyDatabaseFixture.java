package org.khareetaty.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.khareetaty.common.DataFolder;
import org.khareetaty.security.AuditLog;

/**
 * Builds a data folder the way an older release would have: this class is loaded, with the product's classes,
 * Flyway and H2GIS, in a class loader whose H2 is an older engine ({@code DatabaseUpgradeTest}), so the product's
 * migrations create the schema and H2 writes the file with that engine. Returns what the old world saw, as plain
 * strings (the two class loaders share no classes but the JDK's).
 */
public final class LegacyDatabaseFixture {

    public static final int INCIDENTS = 400;
    public static final int BLOB_BYTES = 40_000;

    private LegacyDatabaseFixture() {
    }

    /** Creates and fills the folder; encrypts it (H2 CIPHER=AES with the old engine) when a password is given. */
    public static Map<String, String> create(String root, String filePassword) throws Exception {
        DataFolder folder = new DataFolder(Path.of(root));
        Map<String, String> seen = new LinkedHashMap<>();
        try (Database database = Database.open(folder)) {
            TestIncidents.insert(database, TestIncidents.random(INCIDENTS, 7), ZoneId.of("America/New_York"));
            TestIncidents.insertBoxArea(database, "district", "D1", -75.25, 39.90, -75.15, 39.97);
            database.inTransaction(connection -> {
                byte[] content = new byte[BLOB_BYTES];
                new Random(3).nextBytes(content);
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO source_blob (sha256, size_bytes, content) VALUES ('fixture', ?, ?)")) {
                    statement.setLong(1, content.length);
                    statement.setBytes(2, content);
                    statement.executeUpdate();
                }
                return null;
            });
            new AuditLog(database, Clock.systemUTC()).record("fixture", "IMPORT", "legacy fixture", AuditLog.Outcome.SUCCESS,
                    INCIDENTS + " rows");
            database.withConnection(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("SELECT H2VERSION()")) {
                    rs.next();
                    seen.put("h2", rs.getString(1));
                }
                return null;
            });
            TableChecksums.of(database).forEach((table, sum) -> seen.put(table, sum.rows() + ":" + sum.checksum()));
        }
        if (filePassword != null) {
            DatabaseFileEncryption.encrypt(folder, filePassword.toCharArray());
        }
        return seen;
    }
}
