package org.khareetaty.sync;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.khareetaty.store.Database;

/**
 * The workstation side of sync: builds push batches from the change log, acknowledges them, applies
 * pulled rows, and keeps the checkpoints in {@code sync_state}. Every method runs on a connection the
 * caller owns, so checkpoints commit in the same transaction as the work they describe.
 */
final class LocalStore {

    static final String WORKSTATION_ID = "workstation.id";
    static final String PULL_CURSOR = "pull.cursor";
    static final String INFLIGHT = "push.inflight";
    static final String BULK_CURSOR = "push.bulk.cursor";
    static final String INITIAL_QUEUED = "initial.queued";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_LIST = 500;

    /**
     * A push batch being sent: saved before sending, removed in the acknowledging transaction. A bulk batch
     * is the import batch's incidents with H2 row keys in ({@code afterRow}, {@code lastRow}] (bounds fixed
     * when the batch's push started, {@code endRow} its last row key then); the chunk ending at
     * {@code endRow} completes the import batch.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Inflight(UUID pushId, long changeSeq, UUID batchId, long afterRow, long lastRow, Long endRow) {
        boolean bulk() {
            return batchId != null;
        }
    }

    /**
     * The next batch to push with its rows, and the pull checkpoint the server's merge rules need. A bulk chunk's
     * items are only its import batch row: its incidents are streamed when it is sent ({@link #streamChunk}).
     */
    record Batch(Inflight inflight, List<PushItem> items, long pullCursor) {
    }

    private LocalStore() {
    }

    static String state(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT state_value FROM sync_state WHERE state_key = ?")) {
            statement.setString(1, key);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static void setState(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO sync_state (state_key, state_value) KEY (state_key) VALUES (?, ?)")) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }

    static void removeState(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM sync_state WHERE state_key = ?")) {
            statement.setString(1, key);
            statement.executeUpdate();
        }
    }

    static UUID workstationId(Connection connection) throws SQLException {
        String stored = state(connection, WORKSTATION_ID);
        if (stored != null) {
            return UUID.fromString(stored);
        }
        UUID fresh = UUID.randomUUID();
        setState(connection, WORKSTATION_ID, fresh.toString());
        return fresh;
    }

    static long pullCursor(Connection connection) throws SQLException {
        String stored = state(connection, PULL_CURSOR);
        return stored == null ? 0 : Long.parseLong(stored);
    }

    /** Queues everything already stored, once per workstation, skipping rows the log already has. */
    static long queueInitial(Connection connection) throws SQLException {
        if (state(connection, INITIAL_QUEUED) != null) {
            return 0;
        }
        long added = ChangeLog.recordEverything(connection);
        setState(connection, INITIAL_QUEUED, Instant.now().toString());
        return added;
    }

    // Push --------------------------------------------------------------------------------------------

    /**
     * The batch to send with its rows: the one in flight (after an interruption), else a new one, saved as in
     * flight in this transaction; null when nothing is pending.
     */
    static Batch nextBatch(Connection connection, int rowLimit, int bulkChunk) throws SQLException {
        long pullCursor = pullCursor(connection);
        String stored = state(connection, INFLIGHT);
        if (stored != null) {
            Inflight inflight = parse(stored);
            if (!inflight.bulk() || inflight.endRow() != null) {
                // A resumed batch sends the rows as they are now, under the same id.
                return new Batch(inflight, inflight.bulk() ? bulkHead(connection, inflight)
                        : rowItems(connection, inflight.pushId()), pullCursor);
            }
            // A bulk chunk saved by an older version (bounded by incident ids): rebuild it from the chunk cursor.
            removeState(connection, INFLIGHT);
        }
        List<Long> pending = new ArrayList<>();
        UUID bulkBatch = null;
        long bulkSeq = 0;
        try (PreparedStatement statement = connection.prepareStatement("SELECT seq, operation, entity_id FROM "
                + "sync_change WHERE pushed_at IS NULL ORDER BY seq LIMIT ?")) {
            statement.setInt(1, rowLimit);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    boolean batch = ChangeOperation.UPSERT_BATCH.name().equals(rs.getString(2));
                    if (batch && pending.isEmpty()) {
                        bulkSeq = rs.getLong(1);
                        bulkBatch = rs.getObject(3, UUID.class);
                        break;
                    }
                    if (batch) {
                        break;
                    }
                    pending.add(rs.getLong(1));
                }
            }
        }
        Batch next;
        if (bulkBatch != null) {
            next = nextBulkChunk(connection, bulkSeq, bulkBatch, bulkChunk, pullCursor);
        } else if (pending.isEmpty()) {
            return null;
        } else {
            Inflight inflight = new Inflight(UUID.randomUUID(), 0, null, 0, 0, null);
            try (PreparedStatement tag = connection.prepareStatement(
                    "UPDATE sync_change SET push_id = ? WHERE seq = ? AND pushed_at IS NULL")) {
                for (long seq : pending) {
                    tag.setObject(1, inflight.pushId());
                    tag.setLong(2, seq);
                    tag.addBatch();
                }
                tag.executeBatch();
            }
            next = new Batch(inflight, rowItems(connection, inflight.pushId()), pullCursor);
        }
        setState(connection, INFLIGHT, format(next.inflight()));
        return next;
    }

    /**
     * The next chunk of an import batch: its incidents with row keys in (cursor, cursor + {@code chunk}],
     * bounded by the batch's last row key when its push started. Nothing is read here: the rows are streamed
     * to the server when the chunk is sent ({@link #streamChunk}). An import batch's rows are stored together,
     * so a chunk holds up to {@code chunk} incidents.
     */
    private static Batch nextBulkChunk(Connection connection, long seq, UUID batchId, int chunk, long pullCursor)
            throws SQLException {
        // The cursor is "seq:after:end"; another form (an older version's) restarts the batch: upserts are idempotent.
        String[] cursor = Objects.requireNonNullElse(state(connection, BULK_CURSOR), "").split(":");
        long after;
        long end;
        if (cursor.length == 3 && cursor[0].equals(Long.toString(seq)) && isNumber(cursor[1]) && isNumber(cursor[2])) {
            after = Long.parseLong(cursor[1]);
            end = Long.parseLong(cursor[2]);
        } else {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT MIN(_ROWID_), MAX(_ROWID_) FROM incident WHERE batch_id = ?")) {
                statement.setObject(1, batchId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    after = rs.getLong(1) - 1;
                    end = rs.getLong(2); // no incidents: 0, an empty range
                }
            }
        }
        Inflight inflight = new Inflight(UUID.randomUUID(), seq, batchId, after, Math.min(end, after + chunk), end);
        return new Batch(inflight, bulkHead(connection, inflight), pullCursor);
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
    }

    /** What a bulk chunk sends before its incidents: the import batch row (none when the batch was deleted since). */
    private static List<PushItem> bulkHead(Connection connection, Inflight inflight) throws SQLException {
        Object[] batchRow = readRows(connection, SyncEntity.IMPORT_BATCH, List.of(inflight.batchId()))
                .get(inflight.batchId());
        if (batchRow == null) {
            return List.of();
        }
        return List.of(new PushItem(SyncEntity.IMPORT_BATCH, inflight.batchId(), ChangeOperation.UPSERT, null,
                changedAt(connection, inflight.changeSeq()), batchRow));
    }

    /**
     * Streams a bulk chunk's incidents (row keys in (after, last] of its import batch) to {@code sink} in ONE
     * forward pass over the incident table in row-key order: no index lookup per row, nothing materialised.
     */
    static void streamChunk(Connection connection, Inflight inflight, ChunkRows.Sink sink) throws SQLException {
        SyncEntity entity = SyncEntity.INCIDENT;
        // The batch index reads only the batch's blocks (ADR 0013); its rows come in row-key order.
        String sql = "SELECT " + RowCodec.selectList(entity, "t", false) + " FROM incident t "
                + "WHERE t._ROWID_ > ? AND t._ROWID_ <= ? AND t.batch_id = ? ORDER BY t._ROWID_";
        Database.setStreamingResults(connection, true);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, inflight.afterRow());
            statement.setLong(2, inflight.lastRow());
            statement.setObject(3, inflight.batchId());
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    sink.accept(RowCodec.read(entity, rs));
                }
            }
        } finally {
            Database.setStreamingResults(connection, false);
        }
    }

    private static Instant changedAt(Connection connection, long seq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT changed_at FROM sync_change WHERE seq = ?")) {
            statement.setLong(1, seq);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : Instant.now();
            }
        }
    }

    /** Coalesces the tagged changes: one item per row, the last operation wins, edited fields are united. */
    private static List<PushItem> rowItems(Connection connection, UUID pushId) throws SQLException {
        record Change(SyncEntity entity, UUID id, ChangeOperation operation, Set<String> fields, Instant at) {
        }
        Map<String, Change> byRow = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT entity, entity_id, operation, fields, "
                + "changed_at FROM sync_change WHERE push_id = ? ORDER BY seq")) {
            statement.setObject(1, pushId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    SyncEntity entity = SyncEntity.parse(rs.getString(1));
                    UUID id = rs.getObject(2, UUID.class);
                    ChangeOperation operation = ChangeOperation.valueOf(rs.getString(3));
                    String fields = rs.getString(4);
                    Instant at = rs.getObject(5, OffsetDateTime.class).toInstant();
                    Set<String> fieldSet = fields == null ? null : new LinkedHashSet<>(Arrays.asList(fields.split(",")));
                    byRow.merge(entity.name() + ":" + id, new Change(entity, id, operation, fieldSet, at),
                            (earlier, later) -> new Change(entity, id, later.operation(),
                                    earlier.fields() == null || later.fields() == null ? null
                                            : union(earlier.fields(), later.fields()), later.at()));
                }
            }
        }
        Map<SyncEntity, List<UUID>> upsertIds = new HashMap<>();
        for (Change change : byRow.values()) {
            if (change.operation() != ChangeOperation.DELETE) {
                upsertIds.computeIfAbsent(change.entity(), e -> new ArrayList<>()).add(change.id());
            }
        }
        Map<SyncEntity, Map<UUID, Object[]>> rows = new HashMap<>();
        for (Map.Entry<SyncEntity, List<UUID>> entry : upsertIds.entrySet()) {
            rows.put(entry.getKey(), readRows(connection, entry.getKey(), entry.getValue()));
        }
        List<PushItem> items = new ArrayList<>(byRow.size());
        for (Change change : byRow.values()) {
            if (change.operation() == ChangeOperation.DELETE) {
                items.add(new PushItem(change.entity(), change.id(), ChangeOperation.DELETE, null, change.at(), null));
            } else {
                Object[] row = rows.get(change.entity()).get(change.id());
                if (row != null) { // deleted since without a log entry: nothing left to send
                    items.add(new PushItem(change.entity(), change.id(), ChangeOperation.UPSERT, change.fields(),
                            change.at(), row));
                }
            }
        }
        return items;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    static Map<UUID, Object[]> readRows(Connection connection, SyncEntity entity, Collection<UUID> ids)
            throws SQLException {
        Map<UUID, Object[]> rows = new HashMap<>();
        List<UUID> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += IN_LIST) {
            List<UUID> part = list.subList(from, Math.min(list.size(), from + IN_LIST));
            String marks = part.stream().map(id -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement statement = connection.prepareStatement("SELECT "
                    + RowCodec.selectList(entity, "t", false) + " FROM " + entity.table() + " t WHERE t.id IN ("
                    + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    statement.setObject(i + 1, part.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = RowCodec.read(entity, rs);
                        rows.put((UUID) row[0], row);
                    }
                }
            }
        }
        return rows;
    }

    /** Marks a sent batch acknowledged, keeps the conflicts the server reported, and clears the in-flight state. */
    static void acknowledge(Connection connection, Inflight inflight, PushResult result, int bulkChunk, Instant now)
            throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        if (inflight.bulk()) {
            if (inflight.lastRow() >= inflight.endRow()) { // the import batch's last chunk
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE sync_change SET pushed_at = ?, push_id = ? WHERE seq = ?")) {
                    statement.setObject(1, at);
                    statement.setObject(2, inflight.pushId());
                    statement.setLong(3, inflight.changeSeq());
                    statement.executeUpdate();
                }
                removeState(connection, BULK_CURSOR);
            } else {
                setState(connection, BULK_CURSOR, inflight.changeSeq() + ":" + inflight.lastRow() + ":" + inflight.endRow());
            }
        } else {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE sync_change SET pushed_at = ? WHERE push_id = ?")) {
                statement.setObject(1, at);
                statement.setObject(2, inflight.pushId());
                statement.executeUpdate();
            }
        }
        for (SyncConflict conflict : result.conflicts()) {
            if (conflict.entity() == SyncEntity.INCIDENT && "id".equals(conflict.field())) {
                // Our incident was already on the server under the id kept there: remember the pair for pulls.
                try (PreparedStatement statement = connection.prepareStatement(
                        "MERGE INTO sync_alias (entity, remote_id, local_id) KEY (entity, remote_id) VALUES (?, ?, ?)")) {
                    statement.setString(1, conflict.entity().name());
                    statement.setObject(2, UUID.fromString(conflict.keptValue()));
                    statement.setObject(3, UUID.fromString(conflict.discardedValue()));
                    statement.executeUpdate();
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("MERGE INTO sync_conflict (resolved_at, "
                    + "push_id, server_conflict_id, entity, entity_id, field, kept_value, discarded_value, rule) "
                    + "KEY (push_id, server_conflict_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                statement.setObject(1, OffsetDateTime.ofInstant(conflict.resolvedAt(), ZoneOffset.UTC));
                statement.setObject(2, inflight.pushId());
                statement.setLong(3, conflict.serverId());
                statement.setString(4, conflict.entity().name());
                statement.setObject(5, conflict.entityId());
                statement.setString(6, conflict.field());
                statement.setString(7, conflict.keptValue());
                statement.setString(8, conflict.discardedValue());
                statement.setString(9, conflict.rule());
                statement.executeUpdate();
            }
        }
        removeState(connection, INFLIGHT);
    }

    private static String format(Inflight inflight) {
        try {
            return JSON.writeValueAsString(inflight);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Inflight parse(String text) {
        try {
            return JSON.readValue(text, Inflight.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Damaged sync state " + INFLIGHT + ": " + text, e);
        }
    }

    // Pull --------------------------------------------------------------------------------------------

    /** Ids among these that this workstation has changed and not pushed yet: its own edit goes to the server first. */
    static Set<UUID> pendingIds(Connection connection, SyncEntity entity, Collection<UUID> ids) throws SQLException {
        Set<UUID> pending = new HashSet<>();
        List<UUID> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += IN_LIST) {
            List<UUID> part = list.subList(from, Math.min(list.size(), from + IN_LIST));
            String marks = part.stream().map(id -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement statement = connection.prepareStatement("SELECT entity_id FROM sync_change WHERE "
                    + "entity = ? AND pushed_at IS NULL AND entity_id IN (" + marks + ")")) {
                statement.setString(1, entity.name());
                for (int i = 0; i < part.size(); i++) {
                    statement.setObject(i + 2, part.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        pending.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        return pending;
    }

    private static Set<UUID> aliasedIds(Connection connection, SyncEntity entity, List<UUID> ids) throws SQLException {
        Set<UUID> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            String marks = part.stream().map(id -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement statement = connection.prepareStatement("SELECT remote_id FROM sync_alias "
                    + "WHERE entity = ? AND remote_id IN (" + marks + ")")) {
                statement.setString(1, entity.name());
                for (int i = 0; i < part.size(); i++) {
                    statement.setObject(i + 2, part.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        return found;
    }

    static Set<UUID> existingIds(Connection connection, SyncEntity entity, Collection<UUID> ids) throws SQLException {
        return readIds(connection, entity, ids);
    }

    private static Set<UUID> readIds(Connection connection, SyncEntity entity, Collection<UUID> ids)
            throws SQLException {
        Set<UUID> found = new HashSet<>();
        List<UUID> list = new ArrayList<>(ids);
        for (int from = 0; from < list.size(); from += IN_LIST) {
            List<UUID> part = list.subList(from, Math.min(list.size(), from + IN_LIST));
            String marks = part.stream().map(id -> "?").collect(Collectors.joining(", "));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM " + entity.table() + " WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    statement.setObject(i + 1, part.get(i));
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getObject(1, UUID.class));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Writes pulled rows (not into the change log: they came from the server). A row whose natural key
     * (source key, rule name, ...) is held locally by another id is skipped and logged. Returns rows written.
     */
    static int applyUpserts(Connection connection, SyncEntity entity, Collection<Object[]> rows, Instant now)
            throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        List<Object[]> accepted = new ArrayList<>(rows.size());
        if (entity == SyncEntity.INCIDENT) {
            // Source keys are not indexed on the workstation (the importer de-duplicates in memory): an incident
            // imported here and elsewhere is known from the push that found it on the server (sync_alias).
            Set<UUID> aliased = aliasedIds(connection, entity,
                    rows.stream().map(row -> (UUID) row[0]).collect(Collectors.toList()));
            for (Object[] row : rows) {
                if (!aliased.contains(row[0])) {
                    accepted.add(row);
                }
            }
        } else if (entity.naturalKey().isEmpty()) {
            accepted.addAll(rows);
        } else {
            String where = entity.naturalKey().stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM " + entity.table() + " WHERE " + where)) {
                for (Object[] row : rows) {
                    int index = 1;
                    for (String key : entity.naturalKey()) {
                        int column = entity.columnIndex(key);
                        RowCodec.bind(statement, index++, entity.columns().get(column).type(), row[column]);
                    }
                    UUID holder = null;
                    try (ResultSet rs = statement.executeQuery()) {
                        if (rs.next()) {
                            holder = rs.getObject(1, UUID.class);
                        }
                    }
                    if (holder == null || holder.equals(row[0])) {
                        accepted.add(row);
                    } else {
                        logLocalConflict(connection, now, entity, holder, String.join("+", entity.naturalKey()),
                                holder.toString(), row[0].toString(),
                                "same " + String.join(" and ", entity.naturalKey())
                                        + " already on this workstation: the local copy is kept");
                    }
                }
            }
        }
        String marks = Collections.nCopies(entity.columns().size(), "?").stream().collect(Collectors.joining(", "));
        try (PreparedStatement statement = connection.prepareStatement("MERGE INTO " + entity.table() + " ("
                + entity.columnList() + ") KEY (id) VALUES (" + marks + ")")) {
            int batched = 0;
            for (Object[] row : accepted) {
                for (int i = 0; i < row.length; i++) {
                    RowCodec.bind(statement, i + 1, entity.columns().get(i).type(), row[i]);
                }
                statement.addBatch();
                if (++batched % 1000 == 0) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        }
        return accepted.size();
    }

    /** Deletes pulled deletions; a row still referenced here is kept and logged. Returns rows deleted. */
    static int applyDeletes(Connection connection, SyncEntity entity, Collection<UUID> ids, Instant now)
            throws SQLException {
        int deleted = 0;
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM " + entity.table() + " WHERE id = ?")) {
            for (UUID id : ids) {
                statement.setObject(1, id);
                try {
                    deleted += statement.executeUpdate();
                } catch (SQLException referenced) {
                    logLocalConflict(connection, now, entity, id, "id", id.toString(), null,
                            "deleted on the server but still referenced here: kept (" + referenced.getMessage() + ")");
                }
            }
        }
        return deleted;
    }

    static void logLocalConflict(Connection connection, Instant now, SyncEntity entity, UUID id, String field,
            String kept, String discarded, String rule) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO sync_conflict (resolved_at, "
                + "entity, entity_id, field, kept_value, discarded_value, rule) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            statement.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            statement.setString(2, entity.name());
            statement.setObject(3, id);
            statement.setString(4, field);
            statement.setString(5, kept);
            statement.setString(6, discarded);
            statement.setString(7, rule.length() > 200 ? rule.substring(0, 200) : rule);
            statement.executeUpdate();
        }
    }
}
