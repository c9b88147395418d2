package org.khareetaty.analysis.hotspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.khareetaty.analysis.hotspot.HotspotBuilder.BuiltHotspot;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.AnalysisRunRepository;
import org.khareetaty.store.Database;
import org.khareetaty.store.GridCells;
import org.khareetaty.store.HotspotMembers;
import org.khareetaty.store.IncidentSnapshot;
import org.locationtech.jts.geom.Geometry;
import org.khareetaty.sync.ChangeLog;
import org.khareetaty.sync.ChangeOperation;
import org.khareetaty.sync.SyncEntity;

/**
 * Stores hotspot runs in {@code analysis_run}, {@code hotspot}, {@code hotspot_member} and
 * {@code grid_result}, and reads them back. One run is written in one transaction.
 */
public final class HotspotRunRepository {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final String RUN_COLUMNS = "id, kind, parameters, filters, data_from, data_to, row_count, projection, "
            + "summary, username, started_at, elapsed_ms, app_version";

    private final Database database;

    public HotspotRunRepository(Database database) {
        this.database = database;
    }

    /** Writes the run, its hotspots with their incidents, and its grids. */
    public void save(HotspotRun run, List<BuiltHotspot> hotspots, HotspotPoints points, List<GridSurface> grids,
            TaskContext context) {
        database.inTransaction(connection -> {
            insertRun(connection, run);
            insertHotspots(connection, run.id(), hotspots, points, context);
            insertGrids(connection, run.id(), grids);
            ChangeLog.record(connection, SyncEntity.ANALYSIS_RUN, run.id(), ChangeOperation.UPSERT);
            for (BuiltHotspot built : hotspots) {
                ChangeLog.record(connection, SyncEntity.HOTSPOT, built.hotspot().id(), ChangeOperation.UPSERT);
            }
            return null;
        });
    }

    private static void insertRun(Connection connection, HotspotRun run) throws SQLException {
        Map<String, Object> summary = new java.util.LinkedHashMap<>(run.summary());
        summary.put("fromDay", String.valueOf(run.fromDay()));
        summary.put("toDay", String.valueOf(run.toDay()));
        AnalysisRunRepository.insertRun(connection, new AnalysisRunRepository.RunRow(run.id(), run.kind().name(),
                json(run.parameters()), json(run.filter()), utc(run.firstIncident()), utc(run.lastIncident()),
                run.rowCount(), run.projection(), json(summary), run.username(), run.startedAt(), run.elapsedMs(),
                run.appVersion()));
    }

    private static void insertHotspots(Connection connection, UUID runId, List<BuiltHotspot> hotspots,
            HotspotPoints points, TaskContext context) throws SQLException {
        long total = hotspots.stream().mapToLong(h -> h.members().length).sum();
        long written = 0;
        try (PreparedStatement hotspotInsert = connection.prepareStatement("INSERT INTO hotspot (id, run_id, rank, label, "
                + "geom, incident_count, area_m2, density_per_km2, score, z_score, p_value, confidence, profile) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            IncidentSnapshot snapshot = points.snapshot();
            for (BuiltHotspot built : hotspots) {
                context.checkCancelled();
                Hotspot h = built.hotspot();
                hotspotInsert.setObject(1, h.id());
                hotspotInsert.setObject(2, runId);
                hotspotInsert.setInt(3, h.rank());
                hotspotInsert.setString(4, h.label());
                hotspotInsert.setObject(5, h.geometry());
                hotspotInsert.setLong(6, h.incidentCount());
                hotspotInsert.setDouble(7, h.areaM2());
                hotspotInsert.setDouble(8, h.densityPerKm2());
                setNullable(hotspotInsert, 9, h.score());
                setNullable(hotspotInsert, 10, h.zScore());
                setNullable(hotspotInsert, 11, h.pValue());
                if (h.confidence() == null) {
                    hotspotInsert.setNull(12, Types.INTEGER);
                } else {
                    hotspotInsert.setInt(12, h.confidence());
                }
                hotspotInsert.setString(13, json(h.profile()));
                hotspotInsert.executeUpdate();
                if (built.members().length > 0) {
                    UUID[] ids = new UUID[built.members().length];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = snapshot.id(points.rows()[built.members()[i]]);
                    }
                    HotspotMembers.write(connection, h.id(), ids);
                    written += ids.length;
                    context.progress(written, total, "Saving hotspot incidents");
                }
            }
        }
    }

    private static void insertGrids(Connection connection, UUID runId, List<GridSurface> grids) throws SQLException {
        AnalysisRunRepository.insertGrids(connection, runId, grids.stream()
                .map(grid -> new AnalysisRunRepository.GridRow(grid.name(), grid.projection().displayName(),
                        grid.originX(), grid.originY(), grid.cellSize(), grid.columns(), grid.rows(), grid.unit(),
                        grid.values()))
                .toList());
    }

    /** Hotspot runs, newest first. */
    public List<HotspotRun> list() {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + RUN_COLUMNS
                    + " FROM analysis_run WHERE kind IN ('DBSCAN', 'KDE', 'GISTAR') ORDER BY started_at DESC, id")) {
                try (ResultSet rs = statement.executeQuery()) {
                    List<HotspotRun> runs = new ArrayList<>();
                    while (rs.next()) {
                        runs.add(readRun(rs));
                    }
                    return runs;
                }
            }
        });
    }

    public Optional<HotspotRun> find(UUID runId) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + RUN_COLUMNS
                    + " FROM analysis_run WHERE id = ? AND kind IN ('DBSCAN', 'KDE', 'GISTAR')")) {
                statement.setObject(1, runId);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(readRun(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Finds a run by its full id or a unique prefix of it (as printed by {@code hotspots runs}). */
    public HotspotRun findByPrefix(String idOrPrefix) {
        String prefix = idOrPrefix.trim().toLowerCase(java.util.Locale.ROOT);
        List<HotspotRun> matches = list().stream().filter(r -> r.id().toString().startsWith(prefix)).toList();
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No hotspot run with id " + idOrPrefix + " (see `hotspots runs`)");
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("The id " + idOrPrefix + " matches " + matches.size() + " runs: give more characters");
        }
        return matches.get(0);
    }

    private static HotspotRun readRun(ResultSet rs) throws SQLException {
        Map<String, Object> summary = readMap(rs.getString(9));
        Object fromDay = summary.remove("fromDay");
        Object toDay = summary.remove("toDay");
        return new HotspotRun(
                rs.getObject(1, UUID.class),
                RunKind.valueOf(rs.getString(2)),
                readMap(rs.getString(3)),
                read(rs.getString(4), IncidentFilter.class),
                fromDay == null || "null".equals(fromDay) ? null : LocalDate.parse(fromDay.toString()),
                toDay == null || "null".equals(toDay) ? null : LocalDate.parse(toDay.toString()),
                instant(rs.getObject(5, OffsetDateTime.class)),
                instant(rs.getObject(6, OffsetDateTime.class)),
                rs.getLong(7),
                rs.getString(8),
                summary,
                rs.getString(10),
                instant(rs.getObject(11, OffsetDateTime.class)),
                rs.getLong(12),
                rs.getString(13));
    }

    /** The hotspots of a run in rank order. */
    public List<Hotspot> hotspots(UUID runId) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, rank, label, geom, incident_count, "
                    + "area_m2, density_per_km2, score, z_score, p_value, confidence, profile FROM hotspot "
                    + "WHERE run_id = ? ORDER BY rank")) {
                statement.setObject(1, runId);
                try (ResultSet rs = statement.executeQuery()) {
                    List<Hotspot> hotspots = new ArrayList<>();
                    while (rs.next()) {
                        Geometry geometry = (Geometry) rs.getObject(4);
                        int confidence = rs.getInt(11);
                        Integer confidenceValue = rs.wasNull() ? null : confidence;
                        hotspots.add(new Hotspot(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), geometry,
                                rs.getLong(5), rs.getDouble(6), rs.getDouble(7), nullableDouble(rs, 8),
                                nullableDouble(rs, 9), nullableDouble(rs, 10), confidenceValue,
                                read(rs.getString(12), HotspotProfile.class)));
                    }
                    return hotspots;
                }
            }
        });
    }

    /** The profile the analysis stored with a hotspot, or empty when the hotspot is unknown or has none. */
    public static Optional<HotspotProfile> profile(Connection connection, UUID hotspotId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT profile FROM hotspot WHERE id = ?")) {
            statement.setObject(1, hotspotId);
            try (ResultSet rs = statement.executeQuery()) {
                String text = rs.next() ? rs.getString(1) : null;
                return text == null ? Optional.empty() : Optional.of(read(text, HotspotProfile.class));
            }
        }
    }

    /** The incidents of one hotspot (none for hotspots stored without members, such as grid cells). */
    public List<UUID> incidentIds(UUID hotspotId) {
        return database.withConnection(connection -> HotspotMembers.read(connection, hotspotId).orElse(List.of()));
    }

    /** The grids of a run, such as the density surface or the Gi* z-scores. */
    public List<GridSurface> grids(UUID runId, MetricProjection projection) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT name, origin_x, origin_y, cell_size, "
                    + "columns_count, rows_count, unit, cell_values FROM grid_result WHERE run_id = ? ORDER BY name")) {
                statement.setObject(1, runId);
                try (ResultSet rs = statement.executeQuery()) {
                    List<GridSurface> grids = new ArrayList<>();
                    while (rs.next()) {
                        double[] values = GridCells.decode(rs.getBytes(8));
                        grids.add(new GridSurface(rs.getString(1), projection, rs.getDouble(2), rs.getDouble(3),
                                rs.getDouble(4), rs.getInt(5), rs.getInt(6), rs.getString(7), values));
                    }
                    return grids;
                }
            }
        });
    }

    /** Deletes a run with its hotspots and grids. */
    public boolean delete(UUID runId) {
        return database.inTransaction(connection -> {
            List<UUID> hotspotIds = new java.util.ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM hotspot WHERE run_id = ?")) {
                statement.setObject(1, runId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        hotspotIds.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM analysis_run WHERE id = ? AND kind IN ('DBSCAN', 'KDE', 'GISTAR')")) {
                statement.setObject(1, runId);
                if (statement.executeUpdate() == 0) {
                    return false;
                }
            }
            // The cascade removed the hotspots here; the server has no cascade, so each deletion is logged.
            for (UUID hotspot : hotspotIds) {
                ChangeLog.record(connection, SyncEntity.HOTSPOT, hotspot, ChangeOperation.DELETE);
            }
            ChangeLog.record(connection, SyncEntity.ANALYSIS_RUN, runId, ChangeOperation.DELETE);
            return true;
        });
    }

    private static void setNullable(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static Double nullableDouble(ResultSet rs, int index) throws SQLException {
        double value = rs.getDouble(index);
        return rs.wasNull() ? null : value;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static Map<String, Object> readMap(String text) {
        try {
            return text == null ? new java.util.LinkedHashMap<>() : JSON.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored run JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type.getSimpleName() + " JSON is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
