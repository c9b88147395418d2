package org.khareetaty.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.CancelledException;
import org.khareetaty.common.SecretStore;
import org.khareetaty.common.TaskContext;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.security.SettingChanges;
import org.khareetaty.store.Database;
import org.khareetaty.store.SettingsStore;
import org.khareetaty.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional sync with a central PostgreSQL/PostGIS server: push this workstation's changes (idempotent
 * batches, acknowledged on both sides), then pull everyone else's by the server's change cursor.
 * Every step is checkpointed, so a sync interrupted at any moment resumes without loss or duplicates.
 */
public final class SyncService {

    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    private static final int PULL_PAGE = 5000;
    private static final int CANCEL_CHECK_ROWS = 5000;

    private final Database database;
    private final SettingsStore settings;
    private final SecretStore secrets;
    private final SettingChanges settingChanges;
    private final AuditLog audit;
    private final Clock clock;
    private final int rowLimit;
    private final int bulkChunk;
    private final PulledRowsListener derived;
    private final BackgroundTasks tasks;
    private final ReentrantLock running = new ReentrantLock();

    public SyncService(Database database, SettingsStore settings, SecretStore secrets, SettingChanges settingChanges,
            AuditLog audit, Clock clock, PulledRowsListener derived, BackgroundTasks tasks) {
        this(database, settings, secrets, settingChanges, audit, clock, derived, tasks, 2000, 50_000);
    }

    /** With batch sizes: {@code rowLimit} log rows per push batch, {@code bulkChunk} incidents per bulk batch. */
    public SyncService(Database database, SettingsStore settings, SecretStore secrets, SettingChanges settingChanges,
            AuditLog audit, Clock clock, PulledRowsListener derived, BackgroundTasks tasks, int rowLimit, int bulkChunk) {
        this.database = database;
        this.tasks = tasks;
        this.derived = derived;
        this.settings = settings;
        this.secrets = secrets;
        this.settingChanges = settingChanges;
        this.audit = audit;
        this.clock = clock;
        this.rowLimit = rowLimit;
        this.bulkChunk = bulkChunk;
    }

    // Settings ----------------------------------------------------------------------------------------

    /**
     * Saves the server settings after validating them. A null password keeps the stored one; the password is
     * stored only encrypted. Needs the SYNC permission; audited once (SETTING_CHANGE "sync server").
     */
    public void configure(Principal actor, String url, String username, String password, Path caFile,
            ServerConfig.TlsMode tls, int intervalMinutes, boolean enabled, String workstationName) {
        SettingChanges.Change change = settingChanges.change(actor, Permission.SYNC, "sync server");
        ServerConfig checked = new ServerConfig(url, username, password, caFile, tls);
        change.set(SyncSettings.SERVER_URL, checked.url())
                .set(SyncSettings.USERNAME, checked.username())
                .set(SyncSettings.CA_FILE, caFile == null ? "" : caFile.toAbsolutePath().toString())
                .set(SyncSettings.TLS, tls.name())
                .set(SyncSettings.INTERVAL_MINUTES, intervalMinutes)
                .set(SyncSettings.WORKSTATION_NAME, workstationName == null ? "" : workstationName.strip())
                .set(SyncSettings.ENABLED, enabled);
        if (password != null) {
            change.secret(SyncSettings.PASSWORD_ENCRYPTED, password);
        }
        change.save();
        LOG.info("Sync settings saved: {} (enabled: {})", checked, enabled);
    }

    /** The configured server, with the password decrypted; empty when no server is set. */
    public Optional<ServerConfig> serverConfig() {
        String url = settings.get(SyncSettings.SERVER_URL);
        if (url.isBlank()) {
            return Optional.empty();
        }
        String stored = settings.get(SyncSettings.PASSWORD_ENCRYPTED);
        String password = stored.isBlank() ? "" : secrets.decrypt(stored);
        String ca = settings.get(SyncSettings.CA_FILE);
        return Optional.of(new ServerConfig(url, settings.get(SyncSettings.USERNAME), password,
                ca.isBlank() ? null : Path.of(ca), ServerConfig.TlsMode.valueOf(settings.get(SyncSettings.TLS))));
    }

    public boolean enabled() {
        return settings.get(SyncSettings.ENABLED);
    }

    public int intervalMinutes() {
        return settings.get(SyncSettings.INTERVAL_MINUTES);
    }

    public String workstationName() {
        String name = settings.get(SyncSettings.WORKSTATION_NAME);
        if (!name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "workstation";
        }
    }

    // Server ------------------------------------------------------------------------------------------

    /** Connects, checks TLS and credentials, and describes the server; throws with the reason on failure. */
    public String testConnection(ServerConfig config) {
        try (Connection pg = ServerConnector.connect(config); Statement statement = pg.createStatement()) {
            DatabaseMetaData meta = pg.getMetaData();
            String postgis;
            try (ResultSet rs = statement.executeQuery(
                    "SELECT extversion FROM pg_extension WHERE extname = 'postgis'")) {
                postgis = rs.next() ? "PostGIS " + rs.getString(1) : "PostGIS not installed";
            }
            String schema;
            try (ResultSet rs = statement.executeQuery("SELECT to_regclass('server_change') IS NOT NULL")) {
                rs.next();
                schema = rs.getBoolean(1) ? "sync schema ready" : "sync schema missing (run: khareetaty server init)";
            }
            String tls;
            try (ResultSet rs = statement.executeQuery("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                tls = rs.next() && rs.getBoolean(1) ? rs.getString(2) + ", certificate verified" : "no TLS (this machine)";
            }
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + ", " + postgis + ", "
                    + tls + ", " + schema;
        } catch (SQLException e) {
            throw new SyncException("Connected to " + config.url() + " but cannot read it: " + e.getMessage(), e);
        }
    }

    /** Creates or updates the server schema ({@code khareetaty server init}). */
    public int initServer(ServerConfig config) {
        int applied = ServerConnector.initSchema(config);
        LOG.info("Server schema at {}: {} migration(s) applied", config.url(), applied);
        return applied;
    }

    // Sync --------------------------------------------------------------------------------------------

    /** Syncs with the configured server now (window, CLI, pipeline): needs SYNC, audited once (SYNC_RUN). */
    public SyncReport sync(Principal actor, TaskContext context) {
        String server = settings.get(SyncSettings.SERVER_URL);
        return audit.audited(actor, Permission.SYNC, "SYNC_RUN", server.isBlank() ? "(no server set up)" : server, () -> {
            ServerConfig config = serverConfig().orElseThrow(() -> new SyncException(
                    "No sync server is set up: give its URL, user and password first (khareetaty sync configure)"));
            return sync(config, context);
        }, report -> report.pushedChanges() + " changes pushed, " + report.pulledChanges() + " pulled, "
                + report.conflicts().size() + " conflicts resolved, " + report.pendingAfter() + " pending");
    }

    public SyncReport sync(ServerConfig config, TaskContext context) {
        if (!running.tryLock()) {
            throw new SyncException("A sync is already running");
        }
        Instant started = clock.instant();
        long runId = startRun(started);
        Run run = new Run();
        try (Connection pg = run.phases.time("connect", () -> ServerConnector.connect(config))) {
            ServerConnector.requireCurrentSchema(pg, config);
            UUID me = database.inTransaction(connection -> {
                UUID id = LocalStore.workstationId(connection);
                long queued = LocalStore.queueInitial(connection);
                if (queued > 0) {
                    LOG.info("First sync of this workstation: queued {} existing records", queued);
                }
                return id;
            });
            run.phases.time("connect", () -> {
                ServerStore.register(pg, me, workstationName());
                return null;
            });
            push(pg, config, me, run, context);
            pull(pg, me, run, context);
            long pending = database.withConnection(ChangeLog::pendingCount);
            SyncReport report = new SyncReport(started, clock.instant(), run.pushed, run.batches, run.replays,
                    run.duplicates, run.pulled, run.skippedPending, List.copyOf(run.conflicts), pending,
                    run.phases.millis());
            finishRun(runId, "SUCCEEDED", run, null);
            LOG.info("Sync done in {} ms: pushed {}, pulled {}, conflicts {}; ms per step {}", report.elapsedMillis(),
                    run.pushed, run.pulled, run.conflicts.size(), report.phaseMillis());
            return report;
        } catch (CancelledException e) {
            finishRun(runId, "CANCELLED", run, "Cancelled; the next sync resumes where this one stopped");
            throw e;
        } catch (SQLException | RuntimeException e) {
            String reason = reason(e);
            finishRun(runId, "FAILED", run, reason);
            LOG.warn("Sync failed: {}", reason);
            throw e instanceof SyncException sync ? sync : new SyncException("Sync failed: " + reason, e);
        } finally {
            running.unlock();
        }
    }

    private static String reason(Exception e) {
        if (e instanceof SyncException) {
            return e.getMessage();
        }
        return ServerConnector.reason(e);
    }

    /** Counters of one run. */
    private static final class Run {
        long pushed;
        int batches;
        int replays;
        long duplicates;
        long pulled;
        long skippedPending;
        final List<SyncConflict> conflicts = new ArrayList<>();
        final SyncPhases phases = new SyncPhases();
    }

    private void push(Connection pg, ServerConfig config, UUID me, Run run, TaskContext context) throws SQLException {
        while (true) {
            context.checkCancelled();
            LocalStore.Batch batch = run.phases.time("read local changes", () -> database.inTransaction(
                    connection -> LocalStore.nextBatch(connection, rowLimit, bulkChunk)));
            if (batch == null) {
                ServerStore.ensureIndexes(pg, () -> ServerConnector.connect(config), tasks, run.phases);
                return;
            }
            LocalStore.Inflight inflight = batch.inflight();
            PushResult result = inflight.bulk()
                    ? ServerStore.pushChunk(pg, me, batch.pullCursor(), inflight.pushId(), batch.items(),
                            chunkRows(inflight, context), run.phases)
                    : ServerStore.push(pg, me, batch.pullCursor(), inflight.pushId(), batch.items(), run.phases);
            run.phases.time("acknowledge", () -> database.inTransaction(connection -> {
                LocalStore.acknowledge(connection, batch.inflight(), result, bulkChunk, clock.instant());
                return null;
            }));
            run.pushed += result.changes();
            run.batches++;
            run.replays += result.replay() ? 1 : 0;
            run.duplicates += result.duplicates();
            run.conflicts.addAll(result.conflicts());
            context.progress(run.pushed, -1, String.format("Pushed %,d changes", run.pushed));
        }
    }

    /** A bulk chunk's incidents streamed from H2 as the server takes them, honouring cancel every few thousand rows. */
    private ChunkRows chunkRows(LocalStore.Inflight inflight, TaskContext context) {
        return sink -> database.withConnection(connection -> {
            int[] read = {0};
            LocalStore.streamChunk(connection, inflight, row -> {
                if (++read[0] % CANCEL_CHECK_ROWS == 0) {
                    context.checkCancelled();
                }
                sink.accept(row);
            });
            return null;
        });
    }

    private void pull(Connection pg, UUID me, Run run, TaskContext context) throws SQLException {
        long upTo = run.phases.time("pull: read server", () -> ServerStore.maxSeq(pg));
        long cursor = database.withConnection(LocalStore::pullCursor);
        while (true) {
            context.checkCancelled();
            long from = cursor;
            ServerStore.ChangePage changes = run.phases.time("pull: read server",
                    () -> ServerStore.changes(pg, me, from, upTo, PULL_PAGE));
            List<ServerChange> page = changes.changes();
            long next = changes.through();
            if (page.isEmpty() && next <= cursor) {
                return;
            }
            Map<SyncEntity, Map<UUID, Object[]>> upserts = new EnumMap<>(SyncEntity.class);
            Map<SyncEntity, Set<UUID>> deletes = new EnumMap<>(SyncEntity.class);
            Map<SyncEntity, Set<UUID>> upsertIds = new EnumMap<>(SyncEntity.class);
            for (ServerChange change : page) {
                (change.operation() == ChangeOperation.DELETE ? deletes : upsertIds)
                        .computeIfAbsent(change.entity(), e -> new HashSet<>()).add(change.id());
            }
            run.phases.time("pull: read server", () -> {
                for (Map.Entry<SyncEntity, Set<UUID>> entry : upsertIds.entrySet()) {
                    upserts.put(entry.getKey(), ServerStore.fetch(pg, entry.getKey(), entry.getValue()));
                }
                fetchMissingParents(pg, upserts);
                return null;
            });
            long target = next;
            long[] counts = run.phases.time("pull: apply locally",
                    () -> database.inTransaction(connection -> applyPage(connection, upserts, deletes, target)));
            run.phases.time("pull: acknowledge", () -> {
                ServerStore.acknowledgePull(pg, me, target);
                return null;
            });
            run.pulled += counts[0];
            run.skippedPending += counts[1];
            cursor = next;
            context.progress(run.pulled, -1, String.format("Pulled %,d changes", run.pulled));
            if (changes.complete()) {
                return;
            }
        }
    }

    /** Rows reference rows of other entities (an alert its rule): fetch referenced rows this workstation lacks. */
    private void fetchMissingParents(Connection pg, Map<SyncEntity, Map<UUID, Object[]>> upserts) throws SQLException {
        SyncEntity[] entities = SyncEntity.values();
        for (int i = entities.length - 1; i >= 0; i--) {
            SyncEntity child = entities[i];
            SyncEntity parent = child.parent();
            Map<UUID, Object[]> rows = upserts.get(child);
            if (parent == null || rows == null || rows.isEmpty()) {
                continue;
            }
            int column = child.columnIndex(child.parentColumn());
            Set<UUID> wanted = new HashSet<>();
            for (Object[] row : rows.values()) {
                UUID parentId = (UUID) row[column];
                if (parentId != null && !upserts.getOrDefault(parent, Map.of()).containsKey(parentId)) {
                    wanted.add(parentId);
                }
            }
            if (wanted.isEmpty()) {
                continue;
            }
            Set<UUID> present = database.withConnection(connection -> LocalStore.existingIds(connection, parent, wanted));
            wanted.removeAll(present);
            if (!wanted.isEmpty()) {
                upserts.computeIfAbsent(parent, e -> new java.util.HashMap<>())
                        .putAll(ServerStore.fetch(pg, parent, wanted));
            }
        }
    }

    private long[] applyPage(Connection connection, Map<SyncEntity, Map<UUID, Object[]>> upserts,
            Map<SyncEntity, Set<UUID>> deletes, long cursor) throws SQLException {
        Instant now = clock.instant();
        long applied = 0;
        long skipped = 0;
        for (SyncEntity entity : SyncEntity.values()) {
            Map<UUID, Object[]> rows = upserts.get(entity);
            if (rows == null || rows.isEmpty()) {
                continue;
            }
            Set<UUID> pending = LocalStore.pendingIds(connection, entity, rows.keySet());
            List<Object[]> accepted = new ArrayList<>(rows.size());
            for (Map.Entry<UUID, Object[]> entry : rows.entrySet()) {
                if (!pending.contains(entry.getKey())) {
                    accepted.add(entry.getValue());
                }
            }
            skipped += pending.size();
            applied += LocalStore.applyUpserts(connection, entity, accepted, now);
        }
        // Kinds of the areas written or deleted: their incidents' area links are derived again.
        Set<String> areaKinds = new HashSet<>();
        int kind = SyncEntity.AREA.columnIndex("kind");
        upserts.getOrDefault(SyncEntity.AREA, Map.of()).values().forEach(row -> areaKinds.add((String) row[kind]));
        Set<UUID> deletedAreas = deletes.getOrDefault(SyncEntity.AREA, Set.of());
        if (!deletedAreas.isEmpty()) {
            LocalStore.readRows(connection, SyncEntity.AREA, deletedAreas).values()
                    .forEach(row -> areaKinds.add((String) row[kind]));
        }
        SyncEntity[] entities = SyncEntity.values();
        for (int i = entities.length - 1; i >= 0; i--) {
            Set<UUID> ids = deletes.get(entities[i]);
            if (ids != null && !ids.isEmpty()) {
                Set<UUID> pending = LocalStore.pendingIds(connection, entities[i], ids);
                ids.removeAll(pending);
                skipped += pending.size();
                applied += LocalStore.applyDeletes(connection, entities[i], ids, now);
            }
        }
        Set<UUID> incidents = upserts.getOrDefault(SyncEntity.INCIDENT, Map.of()).keySet();
        if (!incidents.isEmpty() || !areaKinds.isEmpty()) {
            derived.pulled(connection, incidents, areaKinds);
        }
        LocalStore.setState(connection, LocalStore.PULL_CURSOR, Long.toString(cursor));
        return new long[] {applied, skipped};
    }

    // Status ------------------------------------------------------------------------------------------

    public SyncStatus status() {
        return database.withConnection(connection -> {
            String url = settings.get(SyncSettings.SERVER_URL);
            UUID id = Optional.ofNullable(LocalStore.state(connection, LocalStore.WORKSTATION_ID))
                    .map(UUID::fromString).orElse(null);
            List<SyncRun> runs = runs(connection, 20);
            SyncRun last = runs.isEmpty() ? null : runs.get(0);
            SyncRun success = runs.stream().filter(r -> "SUCCEEDED".equals(r.outcome())).findFirst()
                    .orElseGet(() -> lastSuccess(connection));
            long conflicts;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM sync_conflict")) {
                rs.next();
                conflicts = rs.getLong(1);
            }
            return new SyncStatus(enabled(), !url.isBlank(), url, settings.get(SyncSettings.USERNAME),
                    settings.get(SyncSettings.TLS), settings.get(SyncSettings.CA_FILE), intervalMinutes(), id,
                    workstationName(), ChangeLog.pendingCount(connection), LocalStore.pullCursor(connection),
                    LocalStore.state(connection, LocalStore.INFLIGHT) != null, last, success, conflicts,
                    recentConflicts(connection, 50), runs);
        });
    }

    private static SyncRun lastSuccess(Connection connection) {
        try {
            List<SyncRun> found = runs(connection, "WHERE outcome = 'SUCCEEDED'", 1);
            return found.isEmpty() ? null : found.get(0);
        } catch (SQLException e) {
            throw new StoreException("Cannot read sync history: " + e.getMessage(), e);
        }
    }

    private static List<SyncRun> runs(Connection connection, int limit) throws SQLException {
        return runs(connection, "", limit);
    }

    private static List<SyncRun> runs(Connection connection, String where, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, started_at, finished_at, outcome, "
                + "pushed, pulled, conflicts, error FROM sync_run " + where + " ORDER BY id DESC LIMIT ?")) {
            statement.setInt(1, limit);
            try (ResultSet rs = statement.executeQuery()) {
                List<SyncRun> out = new ArrayList<>();
                while (rs.next()) {
                    OffsetDateTime finished = rs.getObject(3, OffsetDateTime.class);
                    out.add(new SyncRun(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            finished == null ? null : finished.toInstant(), rs.getString(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getString(8)));
                }
                return out;
            }
        }
    }

    private static List<SyncConflict> recentConflicts(Connection connection, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT COALESCE(server_conflict_id, 0), "
                + "resolved_at, entity, entity_id, field, kept_value, discarded_value, rule FROM sync_conflict "
                + "ORDER BY id DESC LIMIT ?")) {
            statement.setInt(1, limit);
            try (ResultSet rs = statement.executeQuery()) {
                return SyncConflict.readAll(rs);
            }
        }
    }

    private long startRun(Instant started) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO sync_run (started_at, outcome) VALUES (?, 'RUNNING')",
                    Statement.RETURN_GENERATED_KEYS)) {
                statement.setObject(1, OffsetDateTime.ofInstant(started, ZoneOffset.UTC));
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    private void finishRun(long id, String outcome, Run run, String error) {
        try {
            database.withConnection(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("UPDATE sync_run SET finished_at = ?, "
                        + "outcome = ?, pushed = ?, pulled = ?, conflicts = ?, error = ? WHERE id = ?")) {
                    statement.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                    statement.setString(2, outcome);
                    statement.setLong(3, run.pushed);
                    statement.setLong(4, run.pulled);
                    statement.setLong(5, run.conflicts.size());
                    statement.setString(6, error == null || error.length() <= 4000 ? error : error.substring(0, 4000));
                    statement.setLong(7, id);
                    return statement.executeUpdate();
                }
            });
        } catch (StoreException e) {
            LOG.warn("Cannot record the end of sync run {}", id, e);
        }
    }
}
