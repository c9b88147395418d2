package org.khareetaty.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
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
    static final String CACHE_FILE = "incident-snapshot.bin";

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

    /**
     * How many incidents there are, when the snapshot in memory is of the data as it is now (its count is then exact;
     * the version query's answer is kept by H2 while the tables do not change); empty when none is loaded or it is
     * out of date. Waits while a snapshot is being loaded.
     */
    public synchronized java.util.OptionalLong sizeIfCurrent() {
        if (current == null || current.version() != dataVersion()) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(current.size());
    }

    /** The snapshot of the data as it is now, loading it (with progress) when the data changed. */
    public synchronized IncidentSnapshot current(TaskContext context) {
        long version = dataVersion();
        if (current != null && current.version() == version) {
            return current;
        }
        long started = System.nanoTime();
        String fingerprint = fingerprint();
        Path cacheFile = database.folder().cache().resolve(CACHE_FILE);
        if (database.encrypted()) {
            // The cache is a plaintext copy of the incidents: never written beside an encrypted database (ADR 0102).
            current = load(version, context);
            LOG.info("Loaded {} incidents into memory in {} ms (no snapshot cache: the database is encrypted)",
                    current.size(), (System.nanoTime() - started) / 1_000_000);
            return current;
        }
        IncidentSnapshot cached = IncidentSnapshotFile.read(cacheFile, fingerprint, version).orElse(null);
        if (cached != null) {
            current = cached;
            LOG.info("Read {} incidents from the snapshot cache in {} ms", current.size(), (System.nanoTime() - started) / 1_000_000);
            return current;
        }
        current = load(version, context);
        LOG.info("Loaded {} incidents into memory in {} ms", current.size(), (System.nanoTime() - started) / 1_000_000);
        try {
            IncidentSnapshotFile.write(cacheFile, fingerprint, current);
        } catch (IOException e) {
            LOG.warn("Could not write the incident snapshot cache {}: {}", cacheFile, e.toString());
        }
        return current;
    }

    /** A cheap fingerprint of the incident and area tables, for the snapshot kept in memory. */
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

    /**
     * What the snapshot cache file must match, from values H2 answers without scanning the incidents: row counts and
     * the highest row keys (every insert raises them), every import batch and its status, every area, and every
     * sync run (the only writer that edits incidents in place). Only one process opens a data folder at a time, so
     * these cover every change a previous process can have made.
     */
    String fingerprint() {
        return database.withConnection(connection -> {
            StringBuilder text = new StringBuilder("format=2");
            try (Statement statement = connection.createStatement()) {
                // The tables behind incident and incident_area (ADR 0013); block payloads change with their version.
                for (String table : new String[] {"incident_row", "incident_area_row", "incident_gone", "incident_area_gone"}) {
                    try (ResultSet rs = statement.executeQuery("SELECT COUNT(*), MAX(_ROWID_) FROM " + table)) {
                        rs.next();
                        text.append(';').append(table).append('=').append(rs.getLong(1)).append('/').append(rs.getLong(2));
                    }
                }
                try (ResultSet rs = statement.executeQuery("SELECT id, version, row_count, area_links FROM incident_block ORDER BY first_row")) {
                    text.append(";blocks=").append(digest(rs));
                }
                try (ResultSet rs = statement.executeQuery("SELECT id, status FROM import_batch ORDER BY id")) {
                    text.append(";batches=").append(digest(rs));
                }
                try (ResultSet rs = statement.executeQuery("SELECT id, kind, name FROM area ORDER BY id")) {
                    text.append(";areas=").append(digest(rs));
                }
                try (ResultSet rs = statement.executeQuery("SELECT id, outcome, pulled FROM sync_run ORDER BY id")) {
                    text.append(";syncs=").append(digest(rs));
                }
            }
            return text.toString();
        });
    }

    private static String digest(ResultSet rs) throws SQLException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int c = 1; c <= columns; c++) {
                    sha.update(String.valueOf(rs.getString(c)).getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the incidents in one scan and each area kind's links in one scan more, matching links to rows by id
     * in memory: H2 answers plain scans several times faster than one index lookup per incident and kind.
     */
    private IncidentSnapshot load(long version, TaskContext context) {
        return database.withStreamingResults(connection -> {
            long total = countIncidents(connection);
            IncidentSnapshot.Builder builder = IncidentSnapshot.builder((int) total);
            loadAreas(connection, builder);
            UuidRows rowOfId = new UuidRows((int) total);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(10_000);
                try (ResultSet rs = statement.executeQuery("SELECT id, "
                        + "DATEDIFF('SECOND', TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00', occurred_at), "
                        + "DATEDIFF('DAY', DATE '1970-01-01', local_date), local_hour, category_code, lon, lat FROM incident")) {
                    long row = 0;
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        double lon = rs.getDouble(6);
                        boolean noLon = rs.wasNull();
                        double lat = rs.getDouble(7);
                        boolean located = !noLon && !rs.wasNull();
                        int added = builder.addRow(id.getMostSignificantBits(), id.getLeastSignificantBits(), rs.getLong(2),
                                rs.getInt(3), rs.getInt(4), rs.getString(5), located ? lon : Double.NaN, located ? lat : Double.NaN);
                        rowOfId.put(id.getMostSignificantBits(), id.getLeastSignificantBits(), added);
                        if (++row % 50_000 == 0) {
                            context.checkCancelled();
                            context.progress(row, total * 2, "Loading incidents into memory");
                        }
                    }
                }
                try (ResultSet rs = statement.executeQuery("SELECT incident_id, kind, area_id FROM incident_area")) {
                    long links = 0;
                    while (rs.next()) {
                        UUID incident = rs.getObject(1, UUID.class);
                        int row = rowOfId.get(incident.getMostSignificantBits(), incident.getLeastSignificantBits());
                        if (row >= 0) {
                            builder.assignArea(rs.getString(2), row, rs.getObject(3, UUID.class));
                        }
                        if (++links % 100_000 == 0) {
                            context.checkCancelled();
                            context.progress(total + Math.min(total, links / 2), total * 2, "Loading incident areas into memory");
                        }
                    }
                }
            }
            return builder.build(version);
        });
    }

    /** Row of each incident id: open addressing on the two halves of the UUID, no boxing for millions of ids. */
    private static final class UuidRows {
        private final long[] most;
        private final long[] least;
        private final int[] rows;
        private final int mask;

        UuidRows(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
            most = new long[capacity];
            least = new long[capacity];
            rows = new int[capacity];
            java.util.Arrays.fill(rows, -1);
            mask = capacity - 1;
        }

        private int slot(long idMost, long idLeast) {
            long h = (idMost ^ Long.rotateLeft(idLeast, 32)) * 0x9E37_79B9_7F4A_7C15L;
            int slot = (int) (h >>> 40) & mask;
            while (rows[slot] >= 0 && (most[slot] != idMost || least[slot] != idLeast)) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        void put(long idMost, long idLeast, int row) {
            int slot = slot(idMost, idLeast);
            most[slot] = idMost;
            least[slot] = idLeast;
            rows[slot] = row;
        }

        int get(long idMost, long idLeast) {
            return rows[slot(idMost, idLeast)];
        }
    }

    private static long countIncidents(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM incident")) {
            rs.next();
            return rs.getLong(1);
        }
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
