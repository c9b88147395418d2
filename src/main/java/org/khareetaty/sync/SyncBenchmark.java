package org.khareetaty.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code khareetaty bench sync}: the initial push of every incident in the data folder to an empty server,
 * then an incremental sync of a number of incident edits. Meant for a data folder and a server database
 * kept for benchmarking: it resets the folder's sync state and, when asked, empties the server.
 */
public final class SyncBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(SyncBenchmark.class);

    private final Database database;
    private final SyncService sync;

    public SyncBenchmark(Database database, SyncService sync) {
        this.database = database;
        this.sync = sync;
    }

    /** Figures of one run. */
    public record Result(long incidents, boolean synthetic, double initialSeconds, double incidentsPerSecond,
            Map<String, Long> initialPhaseMillis, int changes, double incrementalSeconds,
            Map<String, Long> incrementalPhaseMillis, String serverHash, String localHash) {
    }

    public Result run(ServerConfig config, int changes, boolean resetServer, TaskContext context) throws SQLException {
        sync.initServer(config);
        try (Connection pg = ServerConnector.connect(config)) {
            long onServer = ServerStore.rowCounts(pg).values().stream().mapToLong(Long::longValue).sum();
            if (onServer > 0 && !resetServer) {
                throw new SyncException("The server database already holds " + onServer + " synced rows; benchmark "
                        + "against an empty database or pass --reset-server (deletes ALL synced data on that server)");
            }
            if (resetServer) {
                emptyServer(pg);
            }
        }
        database.inTransaction(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM sync_change");
                statement.executeUpdate("DELETE FROM sync_state WHERE state_key <> '" + LocalStore.WORKSTATION_ID + "'");
            }
            return null;
        });
        long incidents = database.withConnection(connection -> count(connection, "SELECT COUNT(*) FROM incident"));
        boolean synthetic = database.withConnection(connection -> count(connection,
                "SELECT COUNT(*) FROM import_batch WHERE profile_name = 'bench-synthetic'")) > 0;

        long start = System.nanoTime();
        SyncReport initialReport = sync.sync(config, context);
        double initial = (System.nanoTime() - start) / 1e9;
        LOG.info("Initial push of {} incidents: {} s", incidents, initial);

        List<UUID> edited = database.inTransaction(connection -> editIncidents(connection, changes));
        start = System.nanoTime();
        SyncReport incremental = sync.sync(config, context);
        double incrementalSeconds = (System.nanoTime() - start) / 1e9;
        if (incremental.pushedChanges() < edited.size()) {
            throw new SyncException("Incremental sync pushed " + incremental.pushedChanges() + " of " + edited.size());
        }
        String local = database.withConnection(connection -> ContentHash.of(connection, false)).combined();
        String server;
        try (Connection pg = ServerConnector.connect(config)) {
            pg.setAutoCommit(false);
            server = ContentHash.of(pg, true).combined();
            pg.commit();
        }
        return new Result(incidents, synthetic, initial, incidents / initial, initialReport.phaseMillis(), edited.size(),
                incrementalSeconds, incremental.phaseMillis(), server, local);
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void emptyServer(Connection pg) throws SQLException {
        try (Statement statement = pg.createStatement()) {
            StringBuilder tables = new StringBuilder();
            for (SyncEntity entity : SyncEntity.values()) {
                tables.append(entity.table()).append(", ");
            }
            statement.execute("TRUNCATE " + tables + "server_change, sync_push, incident_field_stamp, sync_conflict, "
                    + "sync_workstation");
        }
    }

    /** Edits the address of {@code count} incidents spread over the table, as analysts' corrections would. */
    private static List<UUID> editIncidents(Connection connection, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>(count);
        long total = count(connection, "SELECT COUNT(*) FROM incident");
        long step = Math.max(1, total / Math.max(1, count));
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM incident WHERE MOD(_ROWID_, ?) = 0 LIMIT ?")) {
            statement.setLong(1, step);
            statement.setInt(2, count);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE incident SET address = ?, updated_at = ? WHERE id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                statement.setString(1, "Corrected address " + i + " (" + now + ")");
                statement.setObject(2, now);
                statement.setObject(3, ids.get(i));
                statement.addBatch();
            }
            statement.executeBatch();
        }
        for (UUID id : ids) {
            ChangeLog.recordFields(connection, SyncEntity.INCIDENT, id, List.of("address"));
        }
        return ids;
    }

    /**
     * Adds {@code count} synthetic incidents (ten yearly batches, Philadelphia-like extent and categories)
     * to a benchmark data folder, marked with the profile name {@code bench-synthetic}.
     */
    public static Map<String, Object> generate(Database database, int count, TaskContext context) {
        Random random = new Random(2016);
        String[] categories = {"THEFT", "ASSAULT", "BURGLARY", "VEHICLE_THEFT", "ROBBERY", "VANDALISM", "FRAUD",
            "NARCOTICS", "OTHER"};
        ZoneId zone = ZoneId.of("America/New_York");
        int perYear = count / 10;
        long start = System.nanoTime();
        for (int year = 0; year < 10; year++) {
            int rows = year == 9 ? count - perYear * 9 : perYear;
            int y = 2016 + year;
            database.inTransaction(connection -> {
                UUID batch = UUID.randomUUID();
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                try (PreparedStatement statement = connection.prepareStatement("INSERT INTO import_batch (id, started_at, "
                        + "finished_at, status, profile_name, rows_read, rows_accepted) VALUES (?, ?, ?, 'COMPLETE', "
                        + "'bench-synthetic', ?, ?)")) {
                    statement.setObject(1, batch);
                    statement.setObject(2, now);
                    statement.setObject(3, now);
                    statement.setLong(4, rows);
                    statement.setLong(5, rows);
                    statement.executeUpdate();
                }
                Instant from = LocalDateTime.of(y, 1, 1, 0, 0).atZone(zone).toInstant();
                try (PreparedStatement statement = connection.prepareStatement("INSERT INTO incident (id, source_key, "
                        + "batch_id, occurred_at, source_zone, local_date, local_hour, local_dow, category_code, "
                        + "category_source, address, lon, lat, geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "ST_SetSRID(ST_MakePoint(?, ?), 4326))")) {
                    for (int i = 0; i < rows; i++) {
                        Instant at = from.plusSeconds((long) (random.nextDouble() * 365 * 86400));
                        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
                        double lon = -75.28 + random.nextDouble() * 0.30;
                        double lat = 39.87 + random.nextDouble() * 0.27;
                        String category = categories[random.nextInt(categories.length)];
                        statement.setObject(1, UUID.randomUUID());
                        statement.setString(2, "bench-" + y + "-" + i);
                        statement.setObject(3, batch);
                        statement.setObject(4, at.atOffset(ZoneOffset.UTC));
                        statement.setString(5, zone.getId());
                        statement.setObject(6, local.toLocalDate());
                        statement.setInt(7, local.getHour());
                        statement.setInt(8, local.getDayOfWeek().getValue());
                        statement.setString(9, category);
                        statement.setString(10, category.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                        statement.setString(11, (100 + random.nextInt(9000)) + " BLOCK MARKET ST");
                        statement.setDouble(12, lon);
                        statement.setDouble(13, lat);
                        statement.setDouble(14, lon);
                        statement.setDouble(15, lat);
                        statement.addBatch();
                        if (i % 5000 == 4999) {
                            statement.executeBatch();
                        }
                    }
                    statement.executeBatch();
                }
                return null;
            });
            context.progress(year + 1, 10, "Generated year " + y);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("generated", count);
        out.put("seconds", (System.nanoTime() - start) / 1e9);
        return out;
    }
}
