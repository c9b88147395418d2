package org.khareetaty.sync;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.khareetaty.common.BackgroundTasks;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The server side of sync, run by the workstation over JDBC: idempotent pushes (each batch applied once,
 * keyed by its id, merged by the entity's rule, conflicts logged), the change cursor that pulls read, and
 * the checkpoints kept for each workstation. Every statement is parameterised; table and column names
 * come only from {@link SyncEntity}.
 */
public final class ServerStore {

    /** Serialises pushes so change seqs become visible in increasing order (a pull never skips one). */
    private static final long PUSH_LOCK = 0x6b686172L;
    private static final String UNIQUE_VIOLATION = "23505";
    /** The change-cursor entity of a bulk chunk: its entity_id is the push id, its incidents carry its seq. */
    static final String BULK_ENTITY = "INCIDENT_BULK";
    private static final String SPATIAL_INDEX = "incident_geom";
    /**
     * The incident indexes a first bulk push builds after loading instead of maintaining them per row:
     * name and definition, exactly as the server migrations create them (V1, V3).
     */
    private static final Map<String, String> DEFERRED_INDEXES = Map.of(
            "incident_time", "(occurred_at)",
            "incident_batch", "(batch_id)",
            "incident_geom", "USING gist (geom)",
            "incident_bulk_seq", "USING brin (bulk_seq) WITH (autosummarize = on)");

    private ServerStore() {
    }

    public static void register(Connection pg, UUID workstation, String name) throws SQLException {
        try (PreparedStatement statement = pg.prepareStatement("INSERT INTO sync_workstation (id, name) VALUES (?, ?) "
                + "ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name")) {
            statement.setObject(1, workstation);
            statement.setString(2, name);
            statement.executeUpdate();
        }
    }

    /**
     * Applies one pushed batch in one server transaction. A batch whose id the server already has is not
     * applied again: its stored outcome is returned, so a retry after a lost acknowledgement is harmless.
     */
    public static PushResult push(Connection pg, UUID workstation, long pullCursor, UUID pushId, List<PushItem> items)
            throws SQLException {
        return push(pg, workstation, pullCursor, pushId, items, new SyncPhases());
    }

    static PushResult push(Connection pg, UUID workstation, long pullCursor, UUID pushId, List<PushItem> items,
            SyncPhases phases) throws SQLException {
        return inPushTransaction(pg, workstation, pullCursor, pushId, phases, merge -> {
            Map<SyncEntity, List<PushItem>> upserts = new LinkedHashMap<>();
            Map<SyncEntity, List<UUID>> deletes = new LinkedHashMap<>();
            for (SyncEntity entity : SyncEntity.values()) {
                upserts.put(entity, new ArrayList<>());
                deletes.put(entity, new ArrayList<>());
            }
            for (PushItem item : items) {
                if (item.operation() == ChangeOperation.DELETE) {
                    deletes.get(item.entity()).add(item.id());
                } else {
                    upserts.get(item.entity()).add(item);
                }
            }
            for (SyncEntity entity : SyncEntity.values()) {
                merge.upsert(entity, upserts.get(entity));
            }
            SyncEntity[] reversed = SyncEntity.values();
            for (int i = reversed.length - 1; i >= 0; i--) {
                merge.delete(reversed[i], deletes.get(reversed[i]));
            }
            return finish(pg, workstation, pushId, items.size(), merge, phases);
        });
    }

    /** What a push does inside its transaction once it holds the push lock and is known to be new. */
    @FunctionalInterface
    private interface PushWork {
        PushResult apply(Merge merge) throws SQLException;
    }

    /**
     * Runs one push in one server transaction under the push lock. A push id the server has applied before
     * returns its stored outcome instead of running again; any failure rolls the whole push back.
     */
    private static PushResult inPushTransaction(Connection pg, UUID workstation, long pullCursor, UUID pushId,
            SyncPhases phases, PushWork work) throws SQLException {
        boolean autoCommit = pg.getAutoCommit();
        pg.setAutoCommit(false);
        try {
            PushResult earlier = lockAndFindEarlier(pg, pushId, phases);
            if (earlier != null) {
                pg.commit();
                return earlier;
            }
            return work.apply(new Merge(pg, workstation, pullCursor, pushId, phases));
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(pg, e);
            throw e;
        } finally {
            pg.setAutoCommit(autoCommit);
        }
    }

    /** Records the applied batch, reads its conflicts and commits: the batch is now applied exactly once. */
    private static PushResult finish(Connection pg, UUID workstation, UUID pushId, int changeCount, Merge merge,
            SyncPhases phases) throws SQLException {
        return phases.time("server commit", () -> {
            try (PreparedStatement record = pg.prepareStatement("INSERT INTO sync_push "
                    + "(id, workstation_id, change_count, applied, duplicates) VALUES (?, ?, ?, ?, ?)")) {
                record.setObject(1, pushId);
                record.setObject(2, workstation);
                record.setInt(3, changeCount);
                record.setInt(4, merge.applied);
                record.setInt(5, merge.duplicates);
                record.executeUpdate();
            }
            try (PreparedStatement seen = pg.prepareStatement(
                    "UPDATE sync_workstation SET last_push_at = now() WHERE id = ?")) {
                seen.setObject(1, workstation);
                seen.executeUpdate();
            }
            List<SyncConflict> conflicts = conflicts(pg, pushId);
            pg.commit();
            return new PushResult(changeCount, merge.applied, merge.duplicates, conflicts, false);
        });
    }

    /** Takes the push lock for this transaction and returns the stored outcome when the batch was applied before. */
    private static PushResult lockAndFindEarlier(Connection pg, UUID pushId, SyncPhases phases) throws SQLException {
        return phases.time("server lock", () -> {
            try (PreparedStatement lock = pg.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, PUSH_LOCK);
                lock.execute();
            }
            return storedResult(pg, pushId);
        });
    }

    /**
     * The bulk path (ADR 0093): one chunk of an import batch in one server transaction, applied once per
     * push id like any batch. The chunk's incidents are COPYed straight into {@code incident} while they
     * are read from H2, tagged with ONE change seq that a single {@code server_change} row ('INCIDENT_BULK',
     * the push id) stands for. If any of them is on the server already (same id or source key: a re-push,
     * or another workstation's import), the COPY is rolled back to a savepoint and the chunk goes through
     * the merge path with its per-row rules. On an empty {@code incident} table (a first push) the
     * secondary indexes are dropped and built once at the end ({@link #ensureIndexes}).
     */
    static PushResult pushChunk(Connection pg, UUID workstation, long pullCursor, UUID pushId, List<PushItem> head,
            ChunkRows rows, SyncPhases phases) throws SQLException {
        return inPushTransaction(pg, workstation, pullCursor, pushId, phases, merge -> {
            merge.upsert(SyncEntity.IMPORT_BATCH, head);
            Instant changedAt = head.isEmpty() ? Instant.now() : head.get(0).changedAt();
            int count = phases.time("server bulk copy", () -> {
                if (!hasRows(pg, "SELECT 1 FROM incident LIMIT 1")) {
                    for (String index : DEFERRED_INDEXES.keySet()) {
                        merge.execute("DROP INDEX IF EXISTS " + index);
                    }
                }
                long seq = merge.nextSeqs(1)[0];
                merge.execute("SAVEPOINT bulk_copy");
                try {
                    int copied = merge.copyChunk(rows, seq);
                    merge.execute("RELEASE SAVEPOINT bulk_copy");
                    if (copied > 0) {
                        try (PreparedStatement statement = pg.prepareStatement("INSERT INTO server_change (entity, "
                                + "entity_id, seq, operation, origin) VALUES ('" + BULK_ENTITY + "', ?, ?, 'UPSERT', ?)")) {
                            statement.setObject(1, pushId);
                            statement.setLong(2, seq);
                            statement.setObject(3, workstation);
                            statement.executeUpdate();
                        }
                    }
                    return copied;
                } catch (SQLException | RuntimeException e) {
                    if (!isUniqueViolation(e)) {
                        throw e;
                    }
                    merge.execute("ROLLBACK TO SAVEPOINT bulk_copy");
                    return -1;
                }
            });
            if (count >= 0) {
                merge.applied += count;
            } else {
                List<PushItem> items = new ArrayList<>();
                rows.forEach(row -> items.add(new PushItem(SyncEntity.INCIDENT, (UUID) row[0], ChangeOperation.UPSERT,
                        null, changedAt, row)));
                merge.upsert(SyncEntity.INCIDENT, items);
                count = items.size();
            }
            return finish(pg, workstation, pushId, head.size() + count, merge, phases);
        });
    }

    /**
     * Builds the incident indexes a first bulk push dropped (CREATE INDEX over the loaded table is far
     * faster than maintaining them row by row), then refreshes the planner's statistics. Runs at the end of
     * every push; does nothing when the indexes exist. Returns the number of indexes built.
     */
    static int ensureIndexes(Connection pg, SecondConnection second, BackgroundTasks tasks, SyncPhases phases)
            throws SQLException {
        if (missingIndexes(pg).isEmpty()) {
            return 0; // the usual case, one round trip
        }
        boolean autoCommit = pg.getAutoCommit();
        pg.setAutoCommit(false);
        try {
            return phases.time("server build indexes", () -> {
                try (PreparedStatement lock = pg.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, PUSH_LOCK);
                    lock.execute();
                }
                List<String> missing = missingIndexes(pg); // again, under the lock: another workstation may have built them
                List<String> here = new ArrayList<>(missing);
                // The GiST build is the longest and single-threaded: a second connection builds it on the other core
                // while this one builds the rest (CREATE INDEX takes a SHARE lock; two of them do not block each other).
                BackgroundTasks.RunningTask<Void> spatial = null;
                if (here.size() > 1 && here.remove(SPATIAL_INDEX)) {
                    spatial = tasks.submit("Sync: build the server's spatial index", context -> {
                        try (Connection other = second.open(); Statement statement = other.createStatement()) {
                            createIndex(statement, SPATIAL_INDEX);
                        }
                        return null;
                    });
                }
                try (Statement statement = pg.createStatement()) {
                    for (String index : here) {
                        createIndex(statement, index);
                    }
                    if (spatial != null) {
                        awaitIndex(spatial);
                    }
                    if (!missing.isEmpty()) {
                        statement.execute("ANALYZE incident");
                    }
                } finally {
                    if (spatial != null) {
                        spatial.result().exceptionally(e -> null).join(); // never leave it running behind a failure
                    }
                }
                pg.commit();
                return missing.size();
            });
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(pg, e);
            throw e;
        } finally {
            pg.setAutoCommit(autoCommit);
        }
    }

    /** Opens another connection to the same server. */
    @FunctionalInterface
    interface SecondConnection {
        Connection open() throws SQLException;
    }

    private static void createIndex(Statement statement, String index) throws SQLException {
        // Sorts of 1.5 M keys stay in memory (the default 64 MB spills them to disk).
        statement.execute("SET maintenance_work_mem = '512MB'");
        statement.execute("CREATE INDEX " + index + " ON incident " + DEFERRED_INDEXES.get(index));
    }

    private static void awaitIndex(BackgroundTasks.RunningTask<Void> task) throws SQLException {
        try {
            task.result().join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            throw new SyncException("Cannot build the server's spatial index: " + ServerConnector.reason(cause), cause);
        }
    }

    private static List<String> missingIndexes(Connection pg) throws SQLException {
        List<String> missing = new ArrayList<>(DEFERRED_INDEXES.keySet());
        try (PreparedStatement statement = pg.prepareStatement(
                "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'incident'");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                missing.remove(rs.getString(1));
            }
        }
        return missing;
    }

    private static boolean hasRows(Connection pg, String sql) throws SQLException {
        try (Statement statement = pg.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void rollbackQuietly(Connection pg, Exception cause) {
        try {
            pg.rollback();
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }

    private static PushResult storedResult(Connection pg, UUID pushId) throws SQLException {
        try (PreparedStatement statement = pg.prepareStatement(
                "SELECT change_count, applied, duplicates FROM sync_push WHERE id = ?")) {
            statement.setObject(1, pushId);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new PushResult(rs.getInt(1), rs.getInt(2), rs.getInt(3), conflicts(pg, pushId), true);
            }
        }
    }

    private static List<SyncConflict> conflicts(Connection pg, UUID pushId) throws SQLException {
        try (PreparedStatement statement = pg.prepareStatement("SELECT id, resolved_at, entity, entity_id, field, "
                + "kept_value, discarded_value, rule FROM sync_conflict WHERE push_id = ? ORDER BY id")) {
            statement.setObject(1, pushId);
            try (ResultSet rs = statement.executeQuery()) {
                return SyncConflict.readAll(rs);
            }
        }
    }

    /** The highest committed change seq: pulls read up to it. */
    public static long maxSeq(Connection pg) throws SQLException {
        try (Statement statement = pg.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM server_change")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * One page of the change cursor: changes in ({@code from}, {@code through}], and whether it reached the
     * end of what was asked for. A bulk chunk's change stands for all its incidents and is never split.
     */
    public record ChangePage(List<ServerChange> changes, long through, boolean complete) {
    }

    /**
     * Changes after {@code cursor} up to {@code upTo} made by other workstations (or merged by the server),
     * at most {@code limit} entries; a bulk chunk comes alone on its page, expanded to its incidents.
     */
    public static ChangePage changes(Connection pg, UUID me, long cursor, long upTo, int limit) throws SQLException {
        List<ServerChange> out = new ArrayList<>();
        try (PreparedStatement statement = pg.prepareStatement("SELECT seq, entity, entity_id, operation "
                + "FROM server_change WHERE seq > ? AND seq <= ? AND (origin IS NULL OR origin <> ?) "
                + "ORDER BY seq LIMIT ?")) {
            statement.setLong(1, cursor);
            statement.setLong(2, upTo);
            statement.setObject(3, me);
            statement.setInt(4, limit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (BULK_ENTITY.equals(rs.getString(2))) {
                        if (!out.isEmpty()) {
                            return new ChangePage(out, out.get(out.size() - 1).seq(), false);
                        }
                        return new ChangePage(chunkIncidents(pg, seq), seq, false);
                    }
                    out.add(new ServerChange(seq, SyncEntity.parse(rs.getString(2)), rs.getObject(3, UUID.class),
                            ChangeOperation.valueOf(rs.getString(4))));
                }
            }
        }
        boolean complete = out.size() < limit;
        return new ChangePage(out, complete ? upTo : out.get(out.size() - 1).seq(), complete);
    }

    private static List<ServerChange> chunkIncidents(Connection pg, long seq) throws SQLException {
        List<ServerChange> out = new ArrayList<>();
        try (PreparedStatement statement = pg.prepareStatement("SELECT id FROM incident WHERE bulk_seq = ?")) {
            statement.setLong(1, seq);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    out.add(new ServerChange(seq, SyncEntity.INCIDENT, rs.getObject(1, UUID.class),
                            ChangeOperation.UPSERT));
                }
            }
        }
        return out;
    }

    /** The current server rows of some ids; ids deleted meanwhile are absent from the map. */
    public static Map<UUID, Object[]> fetch(Connection pg, SyncEntity entity, Collection<UUID> ids)
            throws SQLException {
        Map<UUID, Object[]> rows = new HashMap<>();
        if (ids.isEmpty()) {
            return rows;
        }
        try (PreparedStatement statement = pg.prepareStatement("SELECT " + RowCodec.selectList(entity, "t", true)
                + " FROM " + entity.table() + " t WHERE t.id = ANY(?)")) {
            Array array = pg.createArrayOf("uuid", ids.toArray());
            statement.setArray(1, array);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Object[] row = RowCodec.read(entity, rs);
                    rows.put((UUID) row[0], row);
                }
            }
        }
        return rows;
    }

    /** The server's copy of a workstation's pull checkpoint (the workstation's own copy is authoritative). */
    public static void acknowledgePull(Connection pg, UUID me, long cursor) throws SQLException {
        try (PreparedStatement statement = pg.prepareStatement("UPDATE sync_workstation SET pull_cursor = "
                + "GREATEST(pull_cursor, ?), last_pull_at = now() WHERE id = ?")) {
            statement.setLong(1, cursor);
            statement.setObject(2, me);
            statement.executeUpdate();
        }
    }

    /** Rows per synced table on the server, for status displays. */
    public static Map<String, Long> rowCounts(Connection pg) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SyncEntity entity : SyncEntity.values()) {
            try (Statement statement = pg.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + entity.table())) {
                rs.next();
                counts.put(entity.table(), rs.getLong(1));
            }
        }
        return counts;
    }

    /** Applies one entity's part of a push inside the push transaction. */
    private static final class Merge {
        private final Connection pg;
        private final UUID me;
        private final long cursor;
        private final UUID pushId;
        private final SyncPhases phases;
        int applied;
        int duplicates;

        Merge(Connection pg, UUID me, long cursor, UUID pushId, SyncPhases phases) {
            this.pg = pg;
            this.phases = phases;
            this.me = me;
            this.cursor = cursor;
            this.pushId = pushId;
        }

        void upsert(SyncEntity entity, List<PushItem> items) throws SQLException {
            if (items.isEmpty()) {
                return;
            }
            List<PushItem> wholeRows = new ArrayList<>(items.size());
            List<PushItem> fieldEdits = new ArrayList<>();
            for (PushItem item : items) {
                (item.isFieldEdit() ? fieldEdits : wholeRows).add(item);
            }
            if (!fieldEdits.isEmpty()) {
                wholeRows.addAll(phases.time("server field merge", () -> mergeFields(entity, fieldEdits)));
            }
            if (!wholeRows.isEmpty()) {
                mergeRows(entity, wholeRows);
            }
        }

        /** The bulk path: COPY into a staging table, decide winners in SQL, then one upsert. */
        private void mergeRows(SyncEntity entity, List<PushItem> items) throws SQLException {
            String table = entity.table();
            String stage = "stage_" + table;
            String columns = entity.columnList();
            phases.time("server copy", () -> {
                execute("DROP TABLE IF EXISTS " + stage);
                execute("CREATE TEMP TABLE " + stage + " (LIKE " + table + ", _server_wins boolean NOT NULL DEFAULT "
                        + "false, _concurrent boolean NOT NULL DEFAULT false) ON COMMIT DROP");
                // No ANALYZE: it samples the whole chunk; the planner's size estimate from the table's pages suffices.
                copy(entity, stage, items.stream().map(PushItem::row).toList());
                return null;
            });
            String update;
            if (entity.mergeRule() == SyncEntity.MergeRule.APPEND_ONLY) {
                update = "NOTHING";
            } else {
                update = "UPDATE SET " + entity.columns().stream().skip(1)
                        .map(c -> c.name() + " = EXCLUDED." + c.name()).collect(Collectors.joining(", "));
            }
            phases.time("server conflict checks", () -> {
                // Probe the table's indexes once per staged row: a hash join would read the whole table for every
                // chunk, so an initial push would slow down as the server fills.
                execute("SET LOCAL enable_hashjoin = off");
                execute("SET LOCAL enable_mergejoin = off");
                if (!entity.naturalKey().isEmpty() && entity == SyncEntity.INCIDENT) {
                    duplicates += dropDuplicateSourceKeys(stage);
                }
                if (entity.mergeRule() != SyncEntity.MergeRule.APPEND_ONLY
                        && entity.mergeRule() != SyncEntity.MergeRule.LAST_PUSH_WINS) {
                    decideWinners(entity, stage);
                }
                return null;
            });
            phases.time("server upsert", () -> {
                try (Statement statement = pg.createStatement()) {
                    applied += statement.executeUpdate("INSERT INTO " + table + " (" + columns + ") SELECT " + columns
                            + " FROM " + stage + " WHERE NOT _server_wins ON CONFLICT (id) DO " + update);
                }
                return null;
            });
            phases.time("server change cursor", () -> {
                try (PreparedStatement statement = pg.prepareStatement("INSERT INTO server_change "
                        + "(entity, entity_id, seq, operation, origin, changed_at) SELECT ?, s.id, "
                        + "nextval('server_change_seq'), 'UPSERT', CASE WHEN s._server_wins THEN NULL ELSE ?::uuid END, "
                        + "now() FROM " + stage + " s ORDER BY s.id " + CHANGE_CONFLICT)) {
                    statement.setString(1, entity.name());
                    statement.setObject(2, me);
                    return statement.executeUpdate();
                }
            });
        }

        private void copy(SyncEntity entity, String stage, List<Object[]> rows) throws SQLException {
            CopyIn copyIn = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + stage + " (" + entity.columnList() + ") FROM STDIN (FORMAT binary)");
            try {
                BinaryCopy out = new BinaryCopy(copyIn);
                for (Object[] row : rows) {
                    out.row(entity, row);
                }
                out.finish();
            } finally {
                if (copyIn.isActive()) {
                    copyIn.cancelCopy();
                }
            }
        }

        /** COPYs a chunk's incidents straight into {@code incident} as they are read, tagged with the chunk's seq. */
        private int copyChunk(ChunkRows rows, long seq) throws SQLException {
            SyncEntity entity = SyncEntity.INCIDENT;
            CopyIn copyIn = pg.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY incident (" + entity.columnList() + ", bulk_seq) FROM STDIN (FORMAT binary)");
            try {
                BinaryCopy out = new BinaryCopy(copyIn);
                rows.forEach(row -> out.row(entity, row, seq));
                return Math.toIntExact(out.finish());
            } finally {
                if (copyIn.isActive()) {
                    copyIn.cancelCopy();
                }
            }
        }

        /** The same source row imported on two workstations: keep the id the server has, log the other. */
        private int dropDuplicateSourceKeys(String stage) throws SQLException {
            try (PreparedStatement statement = pg.prepareStatement("WITH dup AS (DELETE FROM " + stage
                    + " s USING incident t WHERE t.source_key = s.source_key AND t.id <> s.id "
                    + "RETURNING s.id AS dropped, t.id AS kept) INSERT INTO sync_conflict (push_id, entity, entity_id, "
                    + "field, kept_value, discarded_value, kept_origin, discarded_origin, rule) "
                    + "SELECT ?, 'INCIDENT', kept, 'id', kept::text, dropped::text, NULL, ?, "
                    + "'same source key already on the server: its first id is kept' FROM dup")) {
                statement.setObject(1, pushId);
                statement.setObject(2, me);
                return statement.executeUpdate();
            }
        }

        /**
         * Marks rows the server changed concurrently (another workstation wrote them after this one last
         * pulled, and they differ) and, among those, where the server's version wins; logs every such case.
         */
        private void decideWinners(SyncEntity entity, String stage) throws SQLException {
            String table = entity.table();
            String serverCols = entity.columns().stream().map(c -> "t." + c.name()).collect(Collectors.joining(", "));
            String stageCols = entity.columns().stream().map(c -> "s." + c.name()).collect(Collectors.joining(", "));
            boolean alert = entity.mergeRule() == SyncEntity.MergeRule.ALERT_STATUS_PRECEDENCE;
            String serverWins = alert
                    ? "alert_status_rank(t.status) > alert_status_rank(s.status) OR (alert_status_rank(t.status) = "
                            + "alert_status_rank(s.status) AND t.updated_at > s.updated_at)"
                    : "t.updated_at > s.updated_at";
            try (PreparedStatement statement = pg.prepareStatement("UPDATE " + stage + " s SET _concurrent = true, "
                    + "_server_wins = (" + serverWins + ") FROM " + table + " t" + stampJoin(entity) + " WHERE t.id = s.id AND "
                    + stampOrigin(entity) + " IS DISTINCT FROM ? AND " + stampSeq(entity) + " > ? AND ("
                    + serverCols + ") IS DISTINCT FROM (" + stageCols + ")")) {
                statement.setString(1, entity.name());
                statement.setObject(2, me);
                statement.setLong(3, cursor);
                if (statement.executeUpdate() == 0) {
                    return;
                }
            }
            String field = alert ? "CASE WHEN t.status IS DISTINCT FROM s.status THEN 'status' ELSE '*' END" : "'*'";
            String serverValue = alert ? "CASE WHEN t.status IS DISTINCT FROM s.status THEN t.status "
                    + "ELSE to_jsonb(t)::text END" : "to_jsonb(t)::text";
            String stageValue = alert ? "CASE WHEN t.status IS DISTINCT FROM s.status THEN s.status "
                    + "ELSE (to_jsonb(s) - '_server_wins' - '_concurrent')::text END"
                    : "(to_jsonb(s) - '_server_wins' - '_concurrent')::text";
            String rule = alert ? "alert status precedence (OPEN < ACKNOWLEDGED < ASSIGNED < RESOLVED), then later edit"
                    : "last writer wins (later updated_at)";
            try (PreparedStatement statement = pg.prepareStatement("INSERT INTO sync_conflict (push_id, entity, "
                    + "entity_id, field, kept_value, discarded_value, kept_origin, discarded_origin, rule) "
                    + "SELECT ?, ?, s.id, " + field + ", "
                    + "CASE WHEN s._server_wins THEN " + serverValue + " ELSE " + stageValue + " END, "
                    + "CASE WHEN s._server_wins THEN " + stageValue + " ELSE " + serverValue + " END, "
                    + "CASE WHEN s._server_wins THEN " + stampOrigin(entity) + " ELSE ?::uuid END, "
                    + "CASE WHEN s._server_wins THEN ?::uuid ELSE " + stampOrigin(entity) + " END, ? "
                    + "FROM " + stage + " s JOIN " + table + " t ON t.id = s.id" + stampJoin(entity)
                    + " WHERE s._concurrent")) {
                statement.setObject(1, pushId);
                statement.setString(2, entity.name());
                statement.setObject(3, me);
                statement.setObject(4, me);
                statement.setString(5, rule);
                statement.setString(6, entity.name());
                statement.executeUpdate();
            }
        }

        /**
         * Last writer wins per field for edits of some fields of existing rows, set-based: the server rows,
         * their change stamps and field stamps are read in one round trip each, every field is decided in
         * Java, and the merged rows, stamps, conflicts and change-cursor entries are written in bulk. Returns
         * the edits whose row the server does not have yet (they go in whole through the bulk path).
         */
        private List<PushItem> mergeFields(SyncEntity entity, List<PushItem> edits) throws SQLException {
            Array ids = pg.createArrayOf("uuid", edits.stream().map(PushItem::id).toArray());
            Map<UUID, Object[]> server = new HashMap<>();
            Map<UUID, Stamp> rowStamps = new HashMap<>();
            int version = entity.columnIndex(entity.versionColumn());
            try (PreparedStatement statement = pg.prepareStatement("SELECT " + RowCodec.selectList(entity, "t", true)
                    + ", " + stampOrigin(entity) + ", " + stampSeq(entity) + " FROM " + entity.table() + " t"
                    + stampJoin(entity) + " WHERE t.id = ANY(?) FOR UPDATE OF t")) {
                statement.setString(1, entity.name());
                statement.setArray(2, ids);
                try (ResultSet rs = statement.executeQuery()) {
                    int origin = entity.columns().size() + 1;
                    while (rs.next()) {
                        Object[] row = RowCodec.read(entity, rs);
                        server.put((UUID) row[0], row);
                        // A field never edited on its own was last written with the whole row.
                        Instant updated = Objects.requireNonNullElse((Instant) row[version], Instant.EPOCH);
                        rowStamps.put((UUID) row[0], new Stamp(updated, rs.getObject(origin, UUID.class),
                                rs.getLong(origin + 1)));
                    }
                }
            }
            Map<UUID, Map<String, Stamp>> fieldStamps = new HashMap<>();
            try (PreparedStatement statement = pg.prepareStatement("SELECT incident_id, field, written_at, origin, seq "
                    + "FROM incident_field_stamp WHERE incident_id = ANY(?)")) {
                statement.setArray(1, ids);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        fieldStamps.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashMap<>()).put(
                                rs.getString(2), new Stamp(rs.getObject(3, OffsetDateTime.class).toInstant(),
                                        rs.getObject(4, UUID.class), rs.getLong(5)));
                    }
                }
            }
            List<PushItem> missing = new ArrayList<>();
            List<PushItem> present = new ArrayList<>(edits.size());
            for (PushItem item : edits) {
                (server.containsKey(item.id()) ? present : missing).add(item);
            }
            long[] seqs = nextSeqs(present.size());
            List<Object[]> mergedRows = new ArrayList<>();
            List<Object[]> stamps = new ArrayList<>();
            List<Object[]> conflicts = new ArrayList<>();
            List<Object[]> changes = new ArrayList<>(present.size());
            for (int i = 0; i < present.size(); i++) {
                PushItem item = present.get(i);
                Object[] current = server.get(item.id());
                Object[] merged = current.clone();
                Map<String, Stamp> stampsOfRow = fieldStamps.getOrDefault(item.id(), Map.of());
                List<String> written = new ArrayList<>();
                for (String field : item.fields()) {
                    int index = entity.columnIndex(field);
                    ColumnType type = entity.columns().get(index).type();
                    String local = RowCodec.canonical(type, item.row()[index]);
                    String value = RowCodec.canonical(type, current[index]);
                    if (local.equals(value)) {
                        continue;
                    }
                    Stamp stamp = stampsOfRow.getOrDefault(field, rowStamps.get(item.id()));
                    boolean concurrent = !me.equals(stamp.origin()) && stamp.seq() > cursor;
                    if (concurrent && stamp.at().isAfter(item.changedAt())) {
                        conflicts.add(new Object[] {item.id(), field, value, local, stamp.origin(), me});
                        continue;
                    }
                    if (concurrent) {
                        conflicts.add(new Object[] {item.id(), field, local, value, me, stamp.origin()});
                    }
                    written.add(field);
                    merged[index] = item.row()[index];
                    stamps.add(new Object[] {item.id(), field, item.changedAt(), seqs[i]});
                }
                if (!written.isEmpty()) {
                    if (!written.contains(entity.versionColumn())) {
                        merged[version] = later((Instant) current[version], (Instant) item.row()[version]);
                    }
                    mergedRows.add(merged);
                }
                boolean asPushed = RowCodec.canonicalRow(entity, merged)
                        .equals(RowCodec.canonicalRow(entity, item.row()));
                changes.add(new Object[] {item.id(), seqs[i], asPushed ? me : null});
            }
            writeMergedRows(entity, mergedRows);
            writeStamps(stamps);
            logFieldConflicts(entity, conflicts);
            try (PreparedStatement statement = pg.prepareStatement("INSERT INTO server_change "
                    + "(entity, entity_id, seq, operation, origin, changed_at) SELECT ?, c.id, c.seq, 'UPSERT', c.origin, "
                    + "now() FROM unnest(?::uuid[], ?::bigint[], ?::uuid[]) AS c(id, seq, origin) " + CHANGE_CONFLICT)) {
                statement.setString(1, entity.name());
                statement.setArray(2, pg.createArrayOf("uuid", changes.stream().map(c -> c[0]).toArray()));
                statement.setArray(3, pg.createArrayOf("bigint", changes.stream().map(c -> c[1]).toArray()));
                statement.setArray(4, pg.createArrayOf("uuid", changes.stream().map(c -> c[2]).toArray()));
                statement.executeUpdate();
            }
            applied += present.size();
            return missing;
        }

        /** GREATEST as PostgreSQL computes it: nulls are ignored. */
        private static Instant later(Instant a, Instant b) {
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return a.isAfter(b) ? a : b;
        }

        private long[] nextSeqs(int count) throws SQLException {
            long[] seqs = new long[count];
            if (count == 0) {
                return seqs;
            }
            try (PreparedStatement statement = pg.prepareStatement(
                    "SELECT nextval('server_change_seq') FROM generate_series(1, ?)")) {
                statement.setInt(1, count);
                try (ResultSet rs = statement.executeQuery()) {
                    for (int i = 0; i < count && rs.next(); i++) {
                        seqs[i] = rs.getLong(1);
                    }
                }
            }
            return seqs;
        }

        private record Stamp(Instant at, UUID origin, long seq) {
        }

        /** Replaces rows by their merged version: COPY into a staging table, then one UPDATE probing the ids. */
        private void writeMergedRows(SyncEntity entity, List<Object[]> rows) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            String stage = "merged_" + entity.table();
            execute("DROP TABLE IF EXISTS " + stage);
            execute("CREATE TEMP TABLE " + stage + " (LIKE " + entity.table() + ") ON COMMIT DROP");
            copy(entity, stage, rows);
            // A hash join would read the whole table for a few rows (the staging table has no statistics).
            execute("SET LOCAL enable_hashjoin = off");
            execute("SET LOCAL enable_mergejoin = off");
            execute("UPDATE " + entity.table() + " t SET " + entity.columns().stream().skip(1)
                    .map(c -> c.name() + " = s." + c.name()).collect(Collectors.joining(", "))
                    + " FROM " + stage + " s WHERE t.id = s.id");
        }

        /** Field stamps as {incident id, field, written at, seq}, in one statement. */
        private void writeStamps(List<Object[]> stamps) throws SQLException {
            if (stamps.isEmpty()) {
                return;
            }
            try (PreparedStatement statement = pg.prepareStatement("INSERT INTO incident_field_stamp "
                    + "(incident_id, field, written_at, origin, seq) SELECT s.id, s.field, s.at, ?, s.seq "
                    + "FROM unnest(?::uuid[], ?::text[], ?::timestamptz[], ?::bigint[]) AS s(id, field, at, seq) "
                    + "ON CONFLICT (incident_id, field) DO UPDATE SET written_at = EXCLUDED.written_at, "
                    + "origin = EXCLUDED.origin, seq = EXCLUDED.seq")) {
                statement.setObject(1, me);
                statement.setArray(2, pg.createArrayOf("uuid", stamps.stream().map(x -> x[0]).toArray()));
                statement.setArray(3, pg.createArrayOf("text", stamps.stream().map(x -> x[1]).toArray()));
                statement.setArray(4, pg.createArrayOf("timestamptz", stamps.stream()
                        .map(x -> OffsetDateTime.ofInstant((Instant) x[2], ZoneOffset.UTC)).toArray()));
                statement.setArray(5, pg.createArrayOf("bigint", stamps.stream().map(x -> x[3]).toArray()));
                statement.executeUpdate();
            }
        }

        /** Conflicts as {id, field, kept, discarded, kept origin, discarded origin}. */
        private void logFieldConflicts(SyncEntity entity, List<Object[]> conflicts) throws SQLException {
            if (conflicts.isEmpty()) {
                return;
            }
            try (PreparedStatement statement = pg.prepareStatement("INSERT INTO sync_conflict (push_id, entity, "
                    + "entity_id, field, kept_value, discarded_value, kept_origin, discarded_origin, rule) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'last writer wins per field (later edit)')")) {
                for (Object[] conflict : conflicts) {
                    statement.setObject(1, pushId);
                    statement.setString(2, entity.name());
                    statement.setObject(3, conflict[0]);
                    statement.setString(4, (String) conflict[1]);
                    statement.setString(5, (String) conflict[2]);
                    statement.setString(6, (String) conflict[3]);
                    statement.setObject(7, conflict[4]);
                    statement.setObject(8, conflict[5]);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }

        void delete(SyncEntity entity, List<UUID> ids) throws SQLException {
            if (ids.isEmpty()) {
                return;
            }
            Array array = pg.createArrayOf("uuid", ids.toArray());
            try (PreparedStatement statement = pg.prepareStatement(
                    "DELETE FROM " + entity.table() + " WHERE id = ANY(?)")) {
                statement.setArray(1, array);
                applied += statement.executeUpdate();
            }
            if (entity == SyncEntity.INCIDENT) {
                try (PreparedStatement statement = pg.prepareStatement(
                        "DELETE FROM incident_field_stamp WHERE incident_id = ANY(?)")) {
                    statement.setArray(1, array);
                    statement.executeUpdate();
                }
            }
            try (PreparedStatement statement = pg.prepareStatement("INSERT INTO server_change "
                    + "(entity, entity_id, seq, operation, origin, changed_at) SELECT ?, d.id, "
                    + "nextval('server_change_seq'), 'DELETE', ?, now() FROM unnest(?::uuid[]) AS d(id) ORDER BY d.id "
                    + CHANGE_CONFLICT)) {
                statement.setString(1, entity.name());
                statement.setObject(2, me);
                statement.setArray(3, array);
                statement.executeUpdate();
            }
        }

        private void execute(String sql) throws SQLException {
            try (Statement statement = pg.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Joins what the server knows of who last wrote each row of {@code t}: its own change-cursor row (c),
     * else, for an incident loaded by the bulk path, its chunk's (b, by {@code bulk_seq}). Binds the entity name.
     */
    private static String stampJoin(SyncEntity entity) {
        return " LEFT JOIN server_change c ON c.entity = ? AND c.entity_id = t.id"
                + (entity == SyncEntity.INCIDENT ? " LEFT JOIN server_change b ON b.seq = t.bulk_seq" : "");
    }

    /** The origin of the row's last write (see {@link #stampJoin}); NULL after a server-side merge. */
    private static String stampOrigin(SyncEntity entity) {
        return entity == SyncEntity.INCIDENT ? "CASE WHEN c.seq IS NULL THEN b.origin ELSE c.origin END" : "c.origin";
    }

    /** The change seq of the row's last write (see {@link #stampJoin}). */
    private static String stampSeq(SyncEntity entity) {
        return entity == SyncEntity.INCIDENT ? "COALESCE(c.seq, b.seq)" : "c.seq";
    }

    private static final String CHANGE_CONFLICT = "ON CONFLICT (entity, entity_id) DO UPDATE SET seq = EXCLUDED.seq, "
            + "operation = EXCLUDED.operation, origin = EXCLUDED.origin, changed_at = EXCLUDED.changed_at";

}
