package org.khareetaty.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.khareetaty.common.TaskContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current {@link IncidentSnapshot}: loaded on first use, reloaded only when the data changed
 * (new incidents, new areas or assignments, or an explicit {@link #invalidate()} after an import).
 * Thread-safe; concurrent callers share one load.
 */
public final class IncidentSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentSnapshots.class);

    private final Database database;
    private IncidentSnapshot current;
    private long invalidations;

    public IncidentSnapshots(Database database) {
        this.database = database;
    }

    /** Forgets the cached snapshot; call after writing incidents or areas. */
    public synchronized void invalidate() {
        invalidations++;
        current = null;
    }

    public IncidentSnapshot current() {
        return current(TaskContext.NONE);
    }

    /** The snapshot of the data as it is now, loading it (with progress) when the data changed. */
    public synchronized IncidentSnapshot current(TaskContext context) {
        long version = dataVersion();
        if (current != null && current.version() == version) {
            return current;
        }
        long started = System.nanoTime();
        current = load(version, context);
        LOG.info("Loaded {} incidents into memory in {} ms", current.size(), (System.nanoTime() - started) / 1_000_000);
        return current;
    }

    /** A cheap fingerprint of the incident and area tables. */
    long dataVersion() {
        return database.withConnection(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT (SELECT COUNT(*) FROM incident), "
                            + "(SELECT COUNT(*) FROM incident_area), (SELECT COUNT(*) FROM area), "
                            + "(SELECT COUNT(*) FROM import_batch WHERE status = 'COMPLETE')")) {
                rs.next();
                long hash = invalidations;
                for (int i = 1; i <= 4; i++) {
                    hash = hash * 1_000_003L + rs.getLong(i);
                }
                return hash;
            }
        });
    }

    private IncidentSnapshot load(long version, TaskContext context) {
        return database.withConnection(connection -> {
            List<String> kinds = areaKinds(connection);
            IncidentSnapshot.Builder builder = IncidentSnapshot.builder((int) countIncidents(connection));
            loadAreas(connection, builder);
            StringBuilder sql = new StringBuilder("SELECT i.id, DATEDIFF('SECOND', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', i.occurred_at), "
                    + "i.local_date, i.local_hour, i.category_code, i.lon, i.lat");
            for (int k = 0; k < kinds.size(); k++) {
                sql.append(", a").append(k).append(".area_id");
            }
            sql.append(" FROM incident i");
            for (int k = 0; k < kinds.size(); k++) {
                sql.append(" LEFT JOIN incident_area a").append(k).append(" ON a").append(k)
                        .append(".incident_id = i.id AND a").append(k).append(".kind = ?");
            }
            long total = countIncidents(connection);
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int k = 0; k < kinds.size(); k++) {
                    statement.setString(k + 1, kinds.get(k));
                }
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery()) {
                    Map<String, UUID> areaIds = new HashMap<>();
                    long row = 0;
                    while (rs.next()) {
                        areaIds.clear();
                        for (int k = 0; k < kinds.size(); k++) {
                            UUID area = rs.getObject(8 + k, UUID.class);
                            if (area != null) {
                                areaIds.put(kinds.get(k), area);
                            }
                        }
                        double lon = rs.getDouble(6);
                        boolean noLon = rs.wasNull();
                        double lat = rs.getDouble(7);
                        boolean located = !noLon && !rs.wasNull();
                        LocalDate day = rs.getObject(3, LocalDate.class);
                        builder.add(rs.getObject(1, UUID.class), rs.getLong(2), day, rs.getInt(4), rs.getString(5),
                                located ? lon : Double.NaN, located ? lat : Double.NaN, areaIds);
                        if (++row % 50_000 == 0) {
                            context.checkCancelled();
                            context.progress(row, total, "Loading incidents into memory");
                        }
                    }
                }
            }
            return builder.build(version);
        });
    }

    private static long countIncidents(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM incident")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> areaKinds(Connection connection) throws SQLException {
        List<String> kinds = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DISTINCT kind FROM area ORDER BY kind")) {
            while (rs.next()) {
                kinds.add(rs.getString(1));
            }
        }
        return kinds;
    }

    private static void loadAreas(Connection connection, IncidentSnapshot.Builder builder) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT kind, id, name FROM area ORDER BY kind, name")) {
            while (rs.next()) {
                builder.area(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3));
            }
        }
    }
}
