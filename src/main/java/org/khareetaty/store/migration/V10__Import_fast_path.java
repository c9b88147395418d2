package org.khareetaty.store.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Storage for the fast importer (ADR 0010): fewer per-row index writes on {@code incident}, a grid cell
 * (Morton code) B-tree as the spatial index instead of H2's R-tree, de-duplication by a 64-bit key hash
 * held in memory by the importer, and source files kept whole (once per content hash) instead of one
 * raw row per incident. Java, because H2 generated the names of the constraints it removes.
 */
public final class V10__Import_fast_path extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            for (String constraint : constraints(connection, "INCIDENT", "UNIQUE")) {
                statement.execute("ALTER TABLE incident DROP CONSTRAINT \"" + constraint + "\"");
            }
            for (String constraint : referentialConstraints(connection, "INCIDENT_AREA", "INCIDENT")) {
                statement.execute("ALTER TABLE incident_area DROP CONSTRAINT \"" + constraint + "\"");
            }
            statement.execute("DROP INDEX IF EXISTS incident_geom");
            statement.execute("DROP INDEX IF EXISTS incident_category");
            statement.execute("DROP INDEX IF EXISTS incident_batch");
            statement.execute("DROP INDEX IF EXISTS incident_area_area");
            statement.execute("ALTER TABLE incident ADD COLUMN source_hash BIGINT");
            statement.execute("ALTER TABLE incident ADD COLUMN file_id UUID");
            statement.execute("ALTER TABLE incident ADD COLUMN line_no BIGINT");
            statement.execute("ALTER TABLE incident ADD COLUMN cell BIGINT");
            statement.execute("CREATE INDEX incident_cell ON incident(cell)");
            statement.execute("ALTER TABLE import_batch ADD COLUMN source_paths VARCHAR");
            statement.execute("ALTER TABLE import_batch ADD COLUMN mapping VARCHAR");
            statement.execute("ALTER TABLE import_batch ADD COLUMN phases VARCHAR");
            statement.execute("ALTER TABLE import_batch ADD COLUMN quarantine_reasons VARCHAR");
            statement.execute("ALTER TABLE source_file ADD COLUMN path VARCHAR(2000)");
            statement.execute("ALTER TABLE source_file ADD COLUMN done BOOLEAN DEFAULT FALSE NOT NULL");
            statement.execute("CREATE TABLE source_blob (sha256 VARCHAR(64) PRIMARY KEY, size_bytes BIGINT NOT NULL, "
                    + "content BLOB NOT NULL)");
            statement.execute("DROP TABLE raw_incident");
        }
    }

    private static List<String> constraints(Connection connection, String table, String type) throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ? AND CONSTRAINT_TYPE = ?")) {
            statement.setString(1, table);
            statement.setString(2, type);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static List<String> referentialConstraints(Connection connection, String table, String referenced)
            throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT tc.CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc "
                        + "JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc ON rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME "
                        + "JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS pk ON pk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME "
                        + "WHERE tc.TABLE_SCHEMA = 'PUBLIC' AND tc.TABLE_NAME = ? AND pk.TABLE_NAME = ?")) {
            statement.setString(1, table);
            statement.setString(2, referenced);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }
}
