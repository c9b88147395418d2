package org.khareetaty.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;

/**
 * The local change log (outbox) that sync pushes from. Code that changes a synced row calls one of these
 * methods on the SAME connection, inside the SAME transaction as the change: the change and its log entry
 * commit together or not at all (see ADR 0090). Recording is cheap whether or not sync is enabled.
 * Rows written by a pull are not recorded (they came from the server).
 */
public final class ChangeLog {

    private static final String INSERT = "INSERT INTO sync_change (entity, entity_id, operation, fields, changed_at) "
            + "VALUES (?, ?, ?, ?, ?)";

    private ChangeLog() {
    }

    /** Records that a row was created or changed as a whole ({@code UPSERT}) or deleted ({@code DELETE}). */
    public static void record(Connection connection, SyncEntity entity, UUID id, ChangeOperation operation)
            throws SQLException {
        if (operation == ChangeOperation.UPSERT_BATCH) {
            throw new IllegalArgumentException("Use recordImportBatch for a whole import batch");
        }
        insert(connection, entity, id, operation, null);
    }

    /**
     * Records an edit of some fields of an existing row. Incidents are merged per field on the server:
     * the later edit of each field wins and the losing value is logged.
     */
    public static void recordFields(Connection connection, SyncEntity entity, UUID id, Collection<String> fields)
            throws SQLException {
        if (fields.isEmpty()) {
            return;
        }
        for (String field : fields) {
            entity.column(field);
        }
        insert(connection, entity, id, ChangeOperation.UPSERT, String.join(",", fields));
    }

    /**
     * Records an import batch and every incident in it with ONE log row: the push streams the batch's
     * incidents in chunks. Call it in the transaction that commits the batch (again after appending to it).
     */
    public static void recordImportBatch(Connection connection, UUID batchId) throws SQLException {
        insert(connection, SyncEntity.IMPORT_BATCH, batchId, ChangeOperation.UPSERT_BATCH, null);
    }

    private static void insert(Connection connection, SyncEntity entity, UUID id, ChangeOperation operation,
            String fields) throws SQLException {
        Objects.requireNonNull(id, "id");
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            statement.setString(1, entity.name());
            statement.setObject(2, id);
            statement.setString(3, operation.name());
            statement.setString(4, fields);
            statement.setObject(5, OffsetDateTime.now(Clock.systemUTC()));
            statement.executeUpdate();
        }
    }

    /** Changes not yet acknowledged by the server. */
    public static long pendingCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM sync_change WHERE pushed_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Queues every synced row already in the database, for the first sync of a workstation: data imported
     * before sync was set up, or by code that does not record changes. Rows the log already names are skipped.
     * Returns the number of log rows added.
     */
    public static long recordEverything(Connection connection) throws SQLException {
        long added = 0;
        OffsetDateTime now = OffsetDateTime.now(Clock.systemUTC());
        for (SyncEntity entity : SyncEntity.values()) {
            String operation = entity == SyncEntity.IMPORT_BATCH ? ChangeOperation.UPSERT_BATCH.name()
                    : ChangeOperation.UPSERT.name();
            if (entity == SyncEntity.INCIDENT) {
                continue; // travels with its import batch
            }
            String where = entity == SyncEntity.ANALYSIS_RUN
                    ? " AND EXISTS (SELECT 1 FROM hotspot h WHERE h.run_id = t.id)" : "";
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO sync_change (entity, entity_id, operation, changed_at) SELECT ?, t.id, ?, ? FROM "
                            + entity.table() + " t WHERE NOT EXISTS (SELECT 1 FROM sync_change c WHERE c.entity = ? "
                            + "AND c.entity_id = t.id)" + where + " ORDER BY t.id")) {
                statement.setString(1, entity.name());
                statement.setString(2, operation);
                statement.setObject(3, now.withOffsetSameInstant(ZoneOffset.UTC));
                statement.setString(4, entity.name());
                added += statement.executeUpdate();
            }
        }
        return added;
    }
}
