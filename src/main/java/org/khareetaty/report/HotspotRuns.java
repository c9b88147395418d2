package org.khareetaty.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.khareetaty.store.Database;
import org.locationtech.jts.geom.Geometry;

/** Reads stored hotspot analyses (tables {@code analysis_run} and {@code hotspot}) for reports and exports. */
public final class HotspotRuns {

    /** The hotspot geometry in WGS 84, whatever CRS the analysis stored it in ({@code h} is the hotspot row). */
    public static final String GEOMETRY_WGS84 =
            "CASE WHEN ST_SRID(h.geom) IN (0, 4326) THEN h.geom ELSE ST_Transform(h.geom, 4326) END";

    private static final String RUN_COLUMNS = "r.id, r.kind, r.parameters, r.filters, r.data_from, r.data_to, "
            + "r.row_count, r.started_at, r.app_version";

    private final Database database;

    public HotspotRuns(Database database) {
        this.database = database;
    }

    /** The most recent run that stored at least one hotspot. */
    public Optional<HotspotRun> latest() {
        return database.withConnection(connection -> latest(connection));
    }

    static Optional<HotspotRun> latest(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + RUN_COLUMNS
                + " FROM analysis_run r WHERE EXISTS (SELECT 1 FROM hotspot h WHERE h.run_id = r.id)"
                + " ORDER BY r.started_at DESC LIMIT 1");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? Optional.of(readRun(rs)) : Optional.empty();
        }
    }

    public Optional<HotspotRun> run(UUID id) {
        return database.withConnection(connection -> run(connection, id));
    }

    static Optional<HotspotRun> run(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + RUN_COLUMNS + " FROM analysis_run r WHERE r.id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(readRun(rs)) : Optional.empty();
            }
        }
    }

    /** The first {@code limit} hotspots of a run by rank. */
    public List<Hotspot> hotspots(UUID runId, int limit) {
        return database.withConnection(connection -> hotspots(connection, runId, limit));
    }

    static List<Hotspot> hotspots(Connection connection, UUID runId, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(HOTSPOT_SELECT
                + " WHERE h.run_id = ? ORDER BY h.rank LIMIT ?")) {
            statement.setObject(1, runId);
            statement.setInt(2, limit);
            try (ResultSet rs = statement.executeQuery()) {
                List<Hotspot> hotspots = new ArrayList<>();
                while (rs.next()) {
                    hotspots.add(readHotspot(rs));
                }
                return hotspots;
            }
        }
    }

    public Optional<Hotspot> hotspot(UUID id) {
        return database.withConnection(connection -> hotspot(connection, id));
    }

    static Optional<Hotspot> hotspot(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(HOTSPOT_SELECT + " WHERE h.id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(readHotspot(rs)) : Optional.empty();
            }
        }
    }

    private static final String HOTSPOT_SELECT = "SELECT h.id, h.run_id, h.rank, h.label, h.incident_count, h.area_m2, "
            + "h.density_per_km2, h.score, h.z_score, h.p_value, h.confidence, " + GEOMETRY_WGS84 + " FROM hotspot h";

    private static Hotspot readHotspot(ResultSet rs) throws SQLException {
        return new Hotspot(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getInt(3),
                rs.getString(4),
                rs.getLong(5),
                rs.getDouble(6),
                rs.getDouble(7),
                nullableDouble(rs, 8),
                nullableDouble(rs, 9),
                nullableDouble(rs, 10),
                nullableInt(rs, 11),
                (Geometry) rs.getObject(12));
    }

    private static HotspotRun readRun(ResultSet rs) throws SQLException {
        return new HotspotRun(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                instant(rs, 5),
                instant(rs, 6),
                rs.getLong(7),
                instant(rs, 8),
                rs.getString(9));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
