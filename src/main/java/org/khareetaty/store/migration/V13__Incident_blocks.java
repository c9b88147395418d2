package org.khareetaty.store.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Columnar incident blocks (ADR 0013). The row tables become {@code incident_row} / {@code incident_area_row}
 * (their data and indexes stay: rows written one at a time live there), and {@code incident} /
 * {@code incident_area} become tables of {@link org.khareetaty.store.IncidentTableEngine}, which serves the blocks
 * an import writes plus those row tables, minus the tombstones of deleted block rows.
 */
public final class V13__Incident_blocks extends BaseJavaMigration {

    /** The engine reads columns by position: the row table must have exactly these, in this order. */
    private static final List<String> INCIDENT_COLUMNS = List.of("ID", "SOURCE_KEY", "BATCH_ID", "RAW_ID",
            "OCCURRED_AT", "SOURCE_ZONE", "TIME_FLAG", "LOCAL_DATE", "LOCAL_HOUR", "LOCAL_DOW", "CATEGORY_CODE",
            "CATEGORY_SOURCE", "ADDRESS", "LON", "LAT", "GEOM", "UPDATED_AT", "SOURCE_HASH", "FILE_ID", "LINE_NO",
            "CELL");
    private static final List<String> AREA_COLUMNS = List.of("INCIDENT_ID", "KIND", "AREA_ID");
    private static final String ENGINE = "ENGINE \"org.khareetaty.store.IncidentTableEngine\"";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        requireColumns(connection, "INCIDENT", INCIDENT_COLUMNS);
        requireColumns(connection, "INCIDENT_AREA", AREA_COLUMNS);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE incident RENAME TO incident_row");
            statement.execute("ALTER TABLE incident_area RENAME TO incident_area_row");
            statement.execute("CREATE TABLE incident_block ("
                    + "id UUID PRIMARY KEY, first_row BIGINT NOT NULL UNIQUE, batch_id UUID NOT NULL, file_id UUID, "
                    + "source_zone VARCHAR(64) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "row_count INT NOT NULL, area_links INT NOT NULL, min_date DATE NOT NULL, max_date DATE NOT NULL, "
                    + "min_lon DOUBLE PRECISION, min_lat DOUBLE PRECISION, max_lon DOUBLE PRECISION, "
                    + "max_lat DOUBLE PRECISION, version INT NOT NULL)");
            statement.execute("CREATE INDEX incident_block_batch ON incident_block(batch_id)");
            statement.execute("CREATE TABLE incident_block_data (id UUID PRIMARY KEY, payload VARBINARY NOT NULL)");
            statement.execute("CREATE TABLE incident_gone (id UUID PRIMARY KEY)");
            statement.execute("CREATE TABLE incident_area_gone (incident_id UUID NOT NULL, kind VARCHAR(64) NOT NULL, "
                    + "PRIMARY KEY (incident_id, kind))");
            statement.execute("CREATE TABLE incident ("
                    + "id UUID NOT NULL, source_key VARCHAR(200) NOT NULL, batch_id UUID NOT NULL, raw_id UUID, "
                    + "occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, source_zone VARCHAR(64) NOT NULL, "
                    + "time_flag VARCHAR(20), local_date DATE NOT NULL, local_hour TINYINT NOT NULL, "
                    + "local_dow TINYINT NOT NULL, category_code VARCHAR(64) NOT NULL, "
                    + "category_source VARCHAR(400) NOT NULL, address VARCHAR(400), lon DOUBLE PRECISION, "
                    + "lat DOUBLE PRECISION, geom GEOMETRY(POINT, 4326), "
                    + "updated_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL, source_hash BIGINT, "
                    + "file_id UUID, line_no BIGINT, cell BIGINT) " + ENGINE);
            statement.execute("CREATE TABLE incident_area (incident_id UUID NOT NULL, kind VARCHAR(64) NOT NULL, "
                    + "area_id UUID NOT NULL) " + ENGINE);
        }
    }

    private static void requireColumns(Connection connection, String table, List<String> expected) throws SQLException {
        List<String> actual = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS "
                        + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION")) {
            while (rs.next()) {
                actual.add(rs.getString(1));
            }
        }
        if (!actual.equals(expected)) {
            throw new IllegalStateException("Table " + table + " has columns " + actual + ", expected " + expected);
        }
    }
}
