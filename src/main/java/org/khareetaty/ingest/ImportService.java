package org.khareetaty.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.khareetaty.common.CancelledException;
import org.khareetaty.common.TaskContext;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentBlock;
import org.khareetaty.store.IncidentBlocks;
import org.khareetaty.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.khareetaty.sync.ChangeLog;

/**
 * Imports incident files: plans (sniff, map), then parses files in parallel while one writer stores the
 * rows, all rows of a batch in one transaction. The batch row is committed first as RUNNING and only
 * becomes COMPLETE in the data transaction, so a crash or kill leaves no half batch: the data rolls back
 * and {@link #recoverInterrupted()} marks the batch INCOMPLETE, to be resumed (its files are listed) or
 * rolled back. See ADR 0010 for the storage choices that make this fast.
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    private static final String INSERT_QUARANTINE = "INSERT INTO quarantined_row (id, batch_id, file_id, file_name, "
            + "line_no, field, field_value, reason, message, raw_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";


    private final Database database;
    private final ProfileStore profiles;
    private final AreaService areas;
    private final Clock clock;
    private final InputLimits limits;
    private final Supplier<ZoneId> defaultZone;
    private final List<ImportListener> listeners = new CopyOnWriteArrayList<>();
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AuditLog audit;

    public ImportService(Database database, ProfileStore profiles, AreaService areas, Clock clock, InputLimits limits,
            Supplier<ZoneId> defaultZone, AuditLog audit) {
        this.database = database;
        this.profiles = profiles;
        this.areas = areas;
        this.clock = clock;
        this.limits = limits;
        this.defaultZone = defaultZone;
        this.audit = audit;
    }

    public void addListener(ImportListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ImportListener listener) {
        listeners.remove(listener);
    }

    void notifyListeners(ImportReport report) {
        for (ImportListener listener : listeners) {
            try {
                listener.dataChanged(report);
            } catch (RuntimeException e) {
                LOG.warn("Import listener failed", e);
            }
        }
    }

    public ProfileStore profiles() {
        return profiles;
    }

    /**
     * Marks batches left RUNNING by a process that died (the folder lock guarantees it is not running now):
     * their data was never committed, so they are INCOMPLETE and can be resumed or rolled back.
     */
    public int recoverInterrupted() {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE import_batch SET status = 'INCOMPLETE', "
                    + "message = 'Interrupted before it finished: nothing of it was stored. Resume or roll back.' "
                    + "WHERE status = 'RUNNING'")) {
                int count = statement.executeUpdate();
                if (count > 0) {
                    LOG.warn("{} interrupted import batch(es) marked INCOMPLETE", count);
                }
                return count;
            }
        });
    }

    /** A file ready to import: where it is, how it is read and how its columns map. */
    public record PlannedFile(Path path, TextFormat format, FeatureFile features, MappingProfile mapping, long sizeBytes) {
        public String name() {
            return path.getFileName().toString();
        }

        public List<String> header() {
            return format != null ? format.header() : features.columns();
        }
    }

    /**
     * Checks every file and decides how to read it, before anything is written: unreadable files (missing,
     * empty, binary, damaged) fail here with a message naming them. With no mapping, each file gets the
     * saved/shipped profile matching its columns, else a detected mapping (which must be usable).
     */
    public List<PlannedFile> plan(List<Path> files, MappingProfile mapping) {
        if (files.isEmpty()) {
            throw new ImportException("No files to import");
        }
        List<PlannedFile> planned = new ArrayList<>();
        Map<String, MappingProfile> known = mapping == null ? profiles.all() : Map.of();
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ImportException(file + ": no such readable file");
            }
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw new ImportException(file + ": cannot read the file: " + e.getMessage(), e);
            }
            FeatureFile features = null;
            TextFormat format = null;
            List<String> header;
            if (FeatureFile.handles(file)) {
                features = FeatureFile.read(file, limits, database.folder().cache());
                header = features.columns();
            } else {
                format = TextSniffer.sniff(file, mapping == null ? null : mapping.delimiter(),
                        mapping == null ? null : mapping.encoding(), limits);
                header = format.header();
            }
            MappingProfile chosen = mapping != null ? mapping : chooseMapping(file, header, features, format, known);
            List<String> problems = chosen.problems();
            if (!problems.isEmpty()) {
                throw new ImportException(file.getFileName() + ": the mapping '" + chosen.name() + "' cannot be used: "
                        + String.join(" ", problems));
            }
            for (String column : chosen.requiredColumns()) {
                RowParser.column(header, column);  // throws naming the missing column
            }
            planned.add(new PlannedFile(file.toAbsolutePath().normalize(), format, features, chosen, size));
        }
        return planned;
    }

    private MappingProfile chooseMapping(Path file, List<String> header, FeatureFile features, TextFormat format,
            Map<String, MappingProfile> known) {
        MappingProfile match = ColumnDetector.matchingProfile(header, known);
        if (match != null) {
            return match;
        }
        List<List<String>> samples = features != null ? features.sampleRows(50) : sampleRows(file, format, 50);
        MappingProfile detected = ColumnDetector.detect(header, samples, defaultZone.get());
        if (features != null && features.hasPoints()) {
            detected = detected.withColumns(detected.idColumn(), detected.dateTimeColumn(), detected.dateColumn(),
                    detected.timeColumn(), new MappingProfile.Location(MappingProfile.LocationKind.FEATURE, null, null, null, 4326),
                    detected.categoryColumn(), detected.addressColumn());
        }
        if (!detected.problems().isEmpty()) {
            throw new ImportException(file.getFileName() + ": the layout is not known and could not be detected ("
                    + String.join(" ", detected.problems()) + ") Map the columns in the import wizard or pass --mapping FILE.");
        }
        return detected;
    }

    /**
     * Reads the first rows of a file with a mapping (or the one {@link #plan} would choose when null) and
     * counts what would be accepted and quarantined, without writing anything.
     */
    public ImportPreview preview(Path file, MappingProfile mapping, int maxRows) {
        boolean features = FeatureFile.handles(file);
        FeatureFile featureFile = features ? FeatureFile.read(file, limits, database.folder().cache()) : null;
        TextFormat format = features ? null : TextSniffer.sniff(file, mapping == null ? null : mapping.delimiter(),
                mapping == null ? null : mapping.encoding(), limits);
        List<String> header = features ? featureFile.columns() : format.header();
        List<List<String>> samples = features ? featureFile.sampleRows(200) : sampleRows(file, format, 200);
        MappingProfile chosen = mapping;
        if (chosen == null) {
            try {
                chosen = chooseMapping(file, header, featureFile, format, profiles.all());
            } catch (ImportException e) {
                chosen = ColumnDetector.detect(header, samples, defaultZone.get());
            }
        }
        String formatText = features ? (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith("json")
                ? "GeoJSON" : "Shapefile") : describe(format);
        List<String> types = ColumnDetector.columnTypes(header, samples);
        List<List<String>> shown = samples.subList(0, Math.min(20, samples.size()));
        List<String> problems = new ArrayList<>(chosen.problems());
        for (String column : chosen.requiredColumns()) {
            if (header.stream().noneMatch(h -> h.strip().equalsIgnoreCase(column.strip()))) {
                problems.add("The file has no column '" + column + "'.");
            }
        }
        if (!problems.isEmpty()) {
            return new ImportPreview(file.getFileName().toString(), formatText, header, types, shown, chosen, problems,
                    0, 0, 0, Map.of());
        }
        CategoryMapper categories = CategoryMapper.withAliases(loadAliases());
        IncidentChunk chunk = new IncidentChunk(0, 0);
        Map<String, Long> reasons = new TreeMap<>();
        long accepted = 0;
        long located = 0;
        long read = 0;
        try (RowSource source = features ? featureFile.rows(new AtomicLong())
                : new CsvSource(file, format, limits, new AtomicLong())) {
            RowParser parser = new RowParser(chosen, header, file.getFileName().toString(), categories, List.of(), clock.instant());
            SourceRow row;
            while (read < maxRows && (row = source.next()) != null) {
                parser.parse(row, chunk);
                read++;
                if (chunk.isFull()) {
                    accepted += chunk.size;
                    located += countLocated(chunk);
                    chunk.size = 0;
                }
            }
            accepted += chunk.size;
            located += countLocated(chunk);
        } catch (IOException e) {
            throw new ImportException(file.getFileName() + ": cannot read the file: " + e.getMessage(), e);
        }
        for (QuarantineEntry entry : chunk.quarantined) {
            reasons.merge(entry.reason().name(), 1L, Long::sum);
        }
        return new ImportPreview(file.getFileName().toString(), formatText, header, types, shown, chosen, List.of(),
                read, accepted, located, reasons);
    }

    private static long countLocated(IncidentChunk chunk) {
        long located = 0;
        for (int i = 0; i < chunk.size; i++) {
            if (!Double.isNaN(chunk.lon[i])) {
                located++;
            }
        }
        return located;
    }

    private static String describe(TextFormat format) {
        String delimiter = format.delimiter() == '\t' ? "tab" : format.delimiter() == ',' ? "comma"
                : format.delimiter() == ';' ? "semicolon" : "'" + format.delimiter() + "'";
        return (format.gzip() ? "gzip, " : "") + format.charset().name() + (format.bom() ? " with BOM" : "")
                + ", " + delimiter + "-separated, " + format.header().size() + " columns";
    }

    /** The first rows of a text file as plain field values, for detection and the wizard's preview. */
    public List<List<String>> sampleRows(Path file, TextFormat format, int count) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvSource source = new CsvSource(file, format, limits, new AtomicLong())) {
            SourceRow row;
            while (rows.size() < count && (row = source.next()) != null) {
                List<String> values = new ArrayList<>(row.fieldCount());
                for (int i = 0; i < row.fieldCount(); i++) {
                    values.add(row.field(i));
                }
                rows.add(values);
            }
        } catch (IOException e) {
            throw new ImportException(file.getFileName() + ": cannot read the file: " + e.getMessage(), e);
        }
        return rows;
    }

    /** One import batch as listed for the analyst. */
    public record BatchInfo(UUID id, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt, String profile,
            long rowsRead, long accepted, long quarantined, long duplicates, long located, Long elapsedMs, String message,
            List<String> files) {
    }

    /** Every batch, newest first. */
    public List<BatchInfo> batches() {
        return database.withConnection(connection -> {
            List<BatchInfo> result = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT id, status, started_at, finished_at, profile_name, rows_read, "
                            + "rows_accepted, rows_quarantined, rows_duplicate, rows_located, elapsed_ms, message, source_paths "
                            + "FROM import_batch ORDER BY started_at DESC")) {
                while (rs.next()) {
                    long elapsed = rs.getLong(11);
                    Long elapsedMs = rs.wasNull() ? null : elapsed;
                    String paths = rs.getString(13);
                    List<String> files = paths == null ? List.of()
                            : paths.lines().map(p -> Path.of(p).getFileName().toString()).toList();
                    result.add(new BatchInfo(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                            rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                            rs.getLong(9), rs.getLong(10), elapsedMs, rs.getString(12), files));
                }
            }
            return result;
        });
    }

    /** Imports a boundary layer and assigns incidents to its areas (IMPORT permission, audited); listeners hear about it. */
    public AreaService.AreaImport importAreas(Principal actor, Path file, String kind, String nameField, TaskContext context) {
        AreaService.AreaImport result = audit.audited(actor, Permission.IMPORT, "IMPORT", file.toAbsolutePath().toString(),
                () -> runLocked(() -> areas.importLayer(file, kind, nameField, context)),
                done -> done.areas() + " " + done.kind() + " areas, " + done.skipped() + " skipped, "
                        + done.incidentsAssigned() + " incidents assigned");
        notifyListeners(new ImportReport(null, "AREAS", List.of(file.getFileName().toString()), 0, 0, 0, Map.of(), 0,
                result.incidentsAssigned(), result.elapsedMs(), Map.of(), result.areas() + " " + result.kind() + " areas imported"));
        return result;
    }

    /** Plans and imports the files as one batch (IMPORT permission; audited once, FAILURE unless complete). */
    public ImportReport importFiles(Principal actor, List<Path> files, MappingProfile mapping, TaskContext context) {
        return audit.audited(actor, Permission.IMPORT, "IMPORT", names(files), () -> importFiles(files, mapping, context),
                ImportService::describe, report -> "COMPLETE".equals(report.status()));
    }

    private static String names(List<Path> files) {
        return String.join(", ", files.stream().map(file -> file.toAbsolutePath().toString()).toList());
    }

    /** What the audit log says about an import: batch, status and how many rows went where. */
    private static String describe(ImportReport report) {
        return "batch " + report.batchId() + " " + report.status() + ": " + report.rowsRead() + " rows read, "
                + report.accepted() + " accepted, " + report.quarantined() + " quarantined, " + report.duplicates()
                + " duplicates" + (report.message() == null ? "" : " (" + report.message() + ")");
    }

    private ImportReport importFiles(List<Path> files, MappingProfile mapping, TaskContext context) {
        long started = System.nanoTime();
        CompletableFuture<List<AreaLocator>> locators = locatorsMeanwhile();
        List<PlannedFile> planned = plan(files, mapping);
        long planNanos = System.nanoTime() - started;
        UUID batchId = UUID.randomUUID();
        return runLocked(() -> {
            createBatch(batchId, planned);
            return run(batchId, planned, locators, context, started, planNanos);
        });
    }

    /** The INCOMPLETE batch that was importing exactly this one file when its process died, if any. */
    public Optional<UUID> incompleteBatchOf(Path file) {
        String path = file.toAbsolutePath().normalize().toString();
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id FROM import_batch WHERE status = 'INCOMPLETE' AND source_paths = ? ORDER BY started_at DESC")) {
                statement.setString(1, path);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
                }
            }
        });
    }

    /** Runs an INCOMPLETE batch again from its recorded files and mapping (audited as IMPORT_RESUME). */
    public ImportReport resume(Principal actor, UUID batchId, TaskContext context) {
        return audit.audited(actor, Permission.IMPORT, "IMPORT_RESUME", "batch " + batchId, () -> resume(batchId, context),
                ImportService::describe, report -> "COMPLETE".equals(report.status()));
    }

    private ImportReport resume(UUID batchId, TaskContext context) {
        Map<String, String> batch = batchRow(batchId);
        if (!"INCOMPLETE".equals(batch.get("status"))) {
            throw new ImportException("Batch " + batchId + " is " + batch.get("status") + "; only INCOMPLETE batches can be resumed");
        }
        List<Path> paths = batch.get("source_paths").lines().map(Path::of).toList();
        MappingProfile mapping = batch.get("mapping") == null ? null : ProfileStore.fromJson(batch.get("mapping"));
        long started = System.nanoTime();
        CompletableFuture<List<AreaLocator>> locators = locatorsMeanwhile();
        List<PlannedFile> planned = plan(paths, mapping);
        long planNanos = System.nanoTime() - started;
        return runLocked(() -> {
            database.inTransaction(connection -> {
                deleteBatchData(connection, batchId);
                try (PreparedStatement statement = connection.prepareStatement(
                        "UPDATE import_batch SET status = 'RUNNING', message = NULL WHERE id = ?")) {
                    statement.setObject(1, batchId);
                    statement.executeUpdate();
                }
                insertSourceFiles(connection, batchId, planned);
                return null;
            });
            return run(batchId, planned, locators, context, started, planNanos);
        });
    }

    /** Removes everything a batch stored (incidents, area links, quarantine) and marks it ROLLED_BACK (audited). */
    public ImportReport rollback(Principal actor, UUID batchId) {
        return audit.audited(actor, Permission.IMPORT, "IMPORT_ROLLBACK", "batch " + batchId, () -> rollback(batchId),
                ImportService::describe);
    }

    private ImportReport rollback(UUID batchId) {
        Map<String, String> batch = batchRow(batchId);
        if ("RUNNING".equals(batch.get("status"))) {
            throw new ImportException("Batch " + batchId + " is still running; cancel it first");
        }
        long started = System.nanoTime();
        long removed = runLocked(() -> database.inTransaction(connection -> {
            long count = deleteBatchData(connection, batchId);
            try (PreparedStatement statement = connection.prepareStatement("UPDATE import_batch SET status = 'ROLLED_BACK', "
                    + "finished_at = ?, message = ? WHERE id = ?")) {
                statement.setObject(1, OffsetDateTime.now(clock));
                statement.setString(2, "Rolled back: " + count + " incidents removed");
                statement.setObject(3, batchId);
                statement.executeUpdate();
            }
            return count;
        }));
        ImportReport report = new ImportReport(batchId, "ROLLED_BACK", List.of(), 0, -removed, 0, Map.of(), 0, 0,
                (System.nanoTime() - started) / 1_000_000, Map.of(), "Rolled back: " + removed + " incidents removed");
        notifyListeners(report);
        return report;
    }

    private interface Locked<T> {
        T run();
    }

    private <T> T runLocked(Locked<T> work) {
        if (!oneAtATime.tryLock()) {
            throw new ImportException("Another import is running in this data folder; wait for it to finish");
        }
        try {
            return work.run();
        } finally {
            oneAtATime.unlock();
        }
    }

    private Map<String, String> batchRow(UUID batchId) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT status, source_paths, mapping FROM import_batch WHERE id = ?")) {
                statement.setObject(1, batchId);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        throw new ImportException("No import batch " + batchId);
                    }
                    Map<String, String> row = new HashMap<>();
                    row.put("status", rs.getString(1));
                    row.put("source_paths", rs.getString(2) == null ? "" : rs.getString(2));
                    row.put("mapping", rs.getString(3));
                    return row;
                }
            }
        });
    }

    private static long deleteBatchData(Connection connection, UUID batchId) throws SQLException {
        // Blocks first (whole blocks, no tombstones); the statements below then only meet rows written one by one.
        long blockRows = IncidentBlocks.deleteBatch(connection, batchId);
        try (PreparedStatement areaLinks = connection.prepareStatement(
                "DELETE FROM incident_area WHERE incident_id IN (SELECT id FROM incident WHERE batch_id = ?)");
                PreparedStatement incidents = connection.prepareStatement("DELETE FROM incident WHERE batch_id = ?");
                PreparedStatement quarantine = connection.prepareStatement("DELETE FROM quarantined_row WHERE batch_id = ?");
                PreparedStatement sources = connection.prepareStatement("DELETE FROM source_file WHERE batch_id = ?")) {
            areaLinks.setObject(1, batchId);
            areaLinks.executeUpdate();
            incidents.setObject(1, batchId);
            long count = blockRows + incidents.executeUpdate();
            quarantine.setObject(1, batchId);
            quarantine.executeUpdate();
            sources.setObject(1, batchId);
            sources.executeUpdate();
            return count;
        }
    }

    private void createBatch(UUID batchId, List<PlannedFile> planned) {
        MappingProfile first = planned.get(0).mapping();
        boolean oneMapping = planned.stream().allMatch(p -> p.mapping().equals(first));
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO import_batch (id, started_at, status, "
                    + "profile_name, source_paths, mapping) VALUES (?, ?, 'RUNNING', ?, ?, ?)")) {
                statement.setObject(1, batchId);
                statement.setObject(2, OffsetDateTime.now(clock));
                statement.setString(3, oneMapping ? first.name() : "(per file)");
                statement.setString(4, String.join("\n", planned.stream().map(p -> p.path().toString()).toList()));
                statement.setString(5, oneMapping ? ProfileStore.toJson(first) : null);
                statement.executeUpdate();
            }
            insertSourceFiles(connection, batchId, planned);
            return null;
        });
    }

    private static void insertSourceFiles(Connection connection, UUID batchId, List<PlannedFile> planned) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO source_file (id, batch_id, file_name, "
                + "path, sha256, size_bytes) VALUES (?, ?, ?, ?, '', ?)")) {
            for (int i = 0; i < planned.size(); i++) {
                statement.setObject(1, fileId(batchId, i));
                statement.setObject(2, batchId);
                statement.setString(3, planned.get(i).name());
                statement.setString(4, planned.get(i).path().toString());
                statement.setLong(5, planned.get(i).sizeBytes());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Stable per batch and position, so a resumed batch reuses its file ids. */
    static UUID fileId(UUID batchId, int index) {
        return new UUID(batchId.getMostSignificantBits(), batchId.getLeastSignificantBits() + index + 1);
    }

    // ---- the run: parallel parsing, one writer, one transaction ------------------------------------------

    private record FileDone(int index, String sha256) {
    }

    private record FileFailed(int index, Exception error) {
    }

    /**
     * Builds the area locators (boundary rasters and indexes, a few hundred ms for tracts) on a short-lived thread while
     * the files are planned, instead of after.
     */
    private CompletableFuture<List<AreaLocator>> locatorsMeanwhile() {
        CompletableFuture<List<AreaLocator>> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(areas.locators());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "import-areas");
        thread.setDaemon(true);
        thread.start();
        return future;
    }

    private static List<AreaLocator> await(CompletableFuture<List<AreaLocator>> locators) {
        try {
            return locators.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new ImportException(
                    "Cannot load the area boundaries: " + e.getCause(), e.getCause());
        }
    }

    private ImportReport run(UUID batchId, List<PlannedFile> planned, CompletableFuture<List<AreaLocator>> areaLocators,
            TaskContext context, long started, long planNanos) {
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put("plan", planNanos / 1_000_000);
        try {
            long t = System.nanoTime();
            LongHashSet seen = loadKeyHashes(expectedRows(planned));
            phases.put("loadKeys", (System.nanoTime() - t) / 1_000_000);
            t = System.nanoTime();
            List<AreaLocator> locators = await(areaLocators);
            CategoryMapper categories = CategoryMapper.withAliases(loadAliases());
            phases.put("loadAreas", (System.nanoTime() - t) / 1_000_000);
            ImportReport written = database.inTransaction(connection -> {
                Writer writer = new Writer(connection, batchId, planned, locators, seen, phases);
                writer.writeAll(context, categories);
                return finish(connection, batchId, planned, writer.counters, phases, started);
            });
            // The commit writes what is still in memory to the file: part of the import's time, so it is counted.
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            phases.put("commit", elapsed - written.elapsedMs());
            ImportReport report = new ImportReport(batchId, written.status(), written.files(), written.rowsRead(),
                    written.accepted(), written.quarantined(), written.quarantinedByReason(), written.duplicates(),
                    written.located(), elapsed, phases, written.message());
            recordElapsed(batchId, elapsed, phases);
            LOG.info("Import {}: {} rows read, {} accepted, {} quarantined, {} duplicates in {} ms", batchId,
                    report.rowsRead(), report.accepted(), report.quarantined(), report.duplicates(), report.elapsedMs());
            notifyListeners(report);
            return report;
        } catch (CancelledException e) {
            markFailed(batchId, "Cancelled by the user: nothing of this import was stored");
            throw e;
        } catch (RuntimeException e) {
            String message = e instanceof StoreException || e instanceof ImportException ? e.getMessage()
                    : "The import failed: " + e;
            markFailed(batchId, message + " — nothing of this import was stored");
            throw e instanceof ImportException ? e : new ImportException(message, e);
        }
    }

    private void recordElapsed(UUID batchId, long elapsedMs, Map<String, Long> phases) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE import_batch SET elapsed_ms = ?, phases = ? WHERE id = ?")) {
                statement.setLong(1, elapsedMs);
                statement.setString(2, phases.toString());
                statement.setObject(3, batchId);
                return statement.executeUpdate();
            }
        });
    }

    private void markFailed(UUID batchId, String message) {
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE import_batch SET status = 'ROLLED_BACK', finished_at = ?, message = ? WHERE id = ?")) {
                statement.setObject(1, OffsetDateTime.now(clock));
                statement.setString(2, message.length() > 3900 ? message.substring(0, 3900) : message);
                statement.setObject(3, batchId);
                return statement.executeUpdate();
            }
        });
    }

    private static final class Counters {
        long rowsRead;
        long accepted;
        long duplicates;
        long located;
        final Map<String, Long> quarantined = new TreeMap<>();
        final long[] rowsPerFile;
        final String[] sha256;

        Counters(int files) {
            rowsPerFile = new long[files];
            sha256 = new String[files];
        }

        long quarantinedTotal() {
            return quarantined.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final class Writer {
        private final Connection connection;
        private final UUID batchId;
        private final List<PlannedFile> planned;
        private final List<AreaLocator> locators;
        private final LongHashSet seen;
        private final Counters counters;
        private final Map<String, Long> phases;
        private final long idHigh;
        private long nextRow;
        private final String[] zones;
        private final String[] areaKinds;
        private final UUID[][] areaIds;
        private final OffsetDateTime createdAt;

        Writer(Connection connection, UUID batchId, List<PlannedFile> planned, List<AreaLocator> locators,
                LongHashSet seen, Map<String, Long> phases) throws SQLException {
            this.connection = connection;
            this.batchId = batchId;
            this.planned = planned;
            this.locators = locators;
            this.seen = seen;
            this.counters = new Counters(planned.size());
            this.phases = phases;
            // Time-ordered ids (like UUIDv7): rows append at the right edge of the primary key's B-tree.
            this.idHigh = (clock.millis() << 16) | 0x7000L | (new Random().nextInt(0x1000));
            this.nextRow = IncidentBlocks.nextFirstRow(connection);
            this.zones = planned.stream().map(p -> p.mapping().timeZone()).toArray(String[]::new);
            this.areaKinds = locators.stream().map(AreaLocator::kind).toArray(String[]::new);
            this.areaIds = new UUID[locators.size()][];
            for (int k = 0; k < locators.size(); k++) {
                AreaLocator locator = locators.get(k);
                areaIds[k] = new UUID[locator.size()];
                for (int a = 0; a < locator.size(); a++) {
                    areaIds[k][a] = locator.areaId(a);
                }
            }
            this.createdAt = OffsetDateTime.now(clock);
        }

        void writeAll(TaskContext context, CategoryMapper categories) throws SQLException {
            long totalBytes = planned.stream().mapToLong(PlannedFile::sizeBytes).sum();
            AtomicLong bytesRead = new AtomicLong();
            // A few chunks in flight: each holds ~25,000 strings, and the heap is 512 MB.
            BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger nextFile = new AtomicInteger();
            AtomicLong parseNanos = new AtomicLong();
            // CPU time beside wall time: on a shared machine wall time says little about where the work is.
            AtomicLong parseCpuNanos = new AtomicLong();
            java.lang.management.ThreadMXBean threadClock = java.lang.management.ManagementFactory.getThreadMXBean();
            long writerCpuStart = threadClock.getCurrentThreadCpuTime();
            Instant now = clock.instant();
            int workers = Math.max(1, Math.min(planned.size(), Runtime.getRuntime().availableProcessors()));
            List<Thread> threads = new ArrayList<>();
            // Largest files first, so that the last file a parser takes is a small one and the parsers finish together.
            int[] order = java.util.stream.IntStream.range(0, planned.size()).boxed()
                    .sorted(java.util.Comparator.comparingLong((Integer i) -> planned.get(i).sizeBytes()).reversed())
                    .mapToInt(Integer::intValue).toArray();
            // Parsing is CPU-bound work inside this one task; it gets its own short-lived threads rather than
            // tasks on the shared executor, whose slots may all be taken (one by this import itself).
            for (int w = 0; w < workers; w++) {
                Thread thread = new Thread(() -> {
                    int next;
                    while (!stop.get() && (next = nextFile.getAndIncrement()) < planned.size()) {
                        long t = System.nanoTime();
                        parseFile(order[next], categories, now, bytesRead, queue, stop);
                        parseNanos.addAndGet(System.nanoTime() - t);
                    }
                    parseCpuNanos.addAndGet(threadClock.getCurrentThreadCpuTime());
                }, "import-parse-" + w);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
            long writeNanos = 0;
            long rawNanos = 0;
            int filesDone = 0;
            try (PreparedStatement quarantine = connection.prepareStatement(INSERT_QUARANTINE)) {
                while (filesDone < planned.size()) {
                    if (context.isCancelled()) {
                        stop.set(true);
                        context.checkCancelled();
                    }
                    Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                    context.progress(bytesRead.get(), totalBytes, String.format("Importing: %,d rows read", counters.rowsRead));
                    if (item == null) {
                        continue;
                    }
                    long t = System.nanoTime();
                    if (item instanceof IncidentChunk chunk) {
                        write(chunk, quarantine);
                    } else if (item instanceof FileDone done) {
                        counters.sha256[done.index()] = done.sha256();
                        filesDone++;
                        // Kept while the other files are still being parsed: the writer has time for it now.
                        long rawStart = System.nanoTime();
                        storeSourceBlob(connection, planned.get(done.index()), done.sha256());
                        rawNanos += System.nanoTime() - rawStart;
                        t += System.nanoTime() - rawStart;
                    } else if (item instanceof FileFailed failed) {
                        stop.set(true);
                        throw failure(planned.get(failed.index()), failed.error());
                    }
                    writeNanos += System.nanoTime() - t;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
                throw new CancelledException();
            } finally {
                stop.set(true);
                queue.clear();
                for (Thread thread : threads) {
                    try {
                        thread.join(10_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            phases.put("parse", parseNanos.get() / 1_000_000 / workers);
            phases.put("parseCpu", parseCpuNanos.get() / 1_000_000);
            phases.put("write", writeNanos / 1_000_000);
            phases.put("storeRawFiles", rawNanos / 1_000_000);
            phases.put("writeCpu", (threadClock.getCurrentThreadCpuTime() - writerCpuStart) / 1_000_000);
        }

        private ImportException failure(PlannedFile file, Exception error) {
            if (error instanceof ImportException importError) {
                return importError;
            }
            String reason = error instanceof java.io.EOFException || error instanceof java.util.zip.ZipException
                    ? "the compressed file is damaged or truncated" : error.getMessage();
            return new ImportException(file.name() + ": cannot read the whole file (" + reason
                    + "); nothing of this import was stored", error);
        }

        private void parseFile(int index, CategoryMapper categories, Instant now, AtomicLong bytesRead,
                BlockingQueue<Object> queue, AtomicBoolean stop) {
            PlannedFile file = planned.get(index);
            try (RowSource source = file.features() != null ? file.features().rows(bytesRead)
                    : new CsvSource(file.path(), file.format(), limits, bytesRead)) {
                RowParser parser = new RowParser(file.mapping(), source.header(), file.name(), categories, locators, now);
                IncidentChunk chunk = new IncidentChunk(index, locators.size());
                SourceRow row;
                while ((row = source.next()) != null) {
                    parser.parse(row, chunk);
                    if (chunk.isFull() || chunk.quarantined.size() >= IncidentChunk.CAPACITY) {
                        if (!put(queue, chunk, stop)) {
                            return;
                        }
                        chunk = new IncidentChunk(index, locators.size());
                    }
                }
                if (!chunk.isEmpty() && !put(queue, chunk, stop)) {
                    return;
                }
                put(queue, new FileDone(index, source.sha256()), stop);
            } catch (Exception e) {
                put(queue, new FileFailed(index, e), stop);
            }
        }

        private boolean put(BlockingQueue<Object> queue, Object item, AtomicBoolean stop) {
            try {
                while (!stop.get()) {
                    if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        private void write(IncidentChunk chunk, PreparedStatement quarantine) throws SQLException {
            counters.rowsRead += chunk.rowsRead;
            counters.rowsPerFile[chunk.fileIndex] += chunk.rowsRead;
            UUID fileId = fileId(batchId, chunk.fileIndex);
            // The first of equal keys in file order is kept; the rest are duplicates.
            int[] kept = new int[chunk.size];
            int n = 0;
            for (int i = 0; i < chunk.size; i++) {
                if (seen.add(chunk.sourceHash[i])) {
                    kept[n++] = i;
                } else {
                    counters.duplicates++;
                }
            }
            if (n > 0) {
                IncidentBlock block = block(chunk, kept, n);
                IncidentBlocks.write(connection, IncidentBlocks.newBlockId(idHigh, nextRow), nextRow,
                        batchId, fileId, zones[chunk.fileIndex], createdAt, block);
                nextRow += n;
                counters.accepted += n;
            }
            if (!chunk.quarantined.isEmpty()) {
                for (QuarantineEntry entry : chunk.quarantined) {
                    quarantine.setObject(1, UUID.randomUUID());
                    quarantine.setObject(2, batchId);
                    quarantine.setObject(3, fileId);
                    quarantine.setString(4, cut(entry.fileName(), 1000));
                    quarantine.setLong(5, entry.line());
                    quarantine.setString(6, cut(entry.field(), 200));
                    quarantine.setString(7, cut(entry.value(), 1000));
                    quarantine.setString(8, entry.reason().name());
                    quarantine.setString(9, cut(entry.message(), 1000));
                    quarantine.setString(10, entry.rawText());
                    quarantine.addBatch();
                    counters.quarantined.merge(entry.reason().name(), 1L, Long::sum);
                }
                quarantine.executeBatch();
            }
        }

        /** The kept rows of a chunk as one incident block (ADR 0013). */
        private IncidentBlock block(IncidentChunk chunk, int[] kept, int n) {
            String[] sourceKey = new String[n];
            long[] sourceHash = new long[n];
            long[] line = new long[n];
            long[] epochSecond = new long[n];
            String[] timeFlag = new String[n];
            int[] epochDay = new int[n];
            byte[] hour = new byte[n];
            byte[] dow = new byte[n];
            String[] category = new String[n];
            String[] categorySource = new String[n];
            String[] address = new String[n];
            double[] lon = new double[n];
            double[] lat = new double[n];
            int[][] areaCodes = new int[locators.size()][n];
            for (int r = 0; r < n; r++) {
                int i = kept[r];
                sourceKey[r] = chunk.sourceKey[i];
                sourceHash[r] = chunk.sourceHash[i];
                line[r] = chunk.line[i];
                epochSecond[r] = chunk.epochSecond[i];
                timeFlag[r] = chunk.timeFlag[i] == null ? null : chunk.timeFlag[i].name();
                epochDay[r] = chunk.epochDay[i];
                hour[r] = chunk.hour[i];
                dow[r] = chunk.dow[i];
                category[r] = chunk.category[i];
                categorySource[r] = cut(chunk.categorySource[i], 400);
                address[r] = cut(chunk.address[i], 400);
                lon[r] = chunk.lon[i];
                lat[r] = chunk.lat[i];
                if (!Double.isNaN(lon[r])) {
                    counters.located++;
                }
                for (int k = 0; k < locators.size(); k++) {
                    areaCodes[k][r] = chunk.area[k][i];
                }
            }
            return new IncidentBlock(n, sourceKey, sourceHash, line, epochSecond, timeFlag, epochDay, hour, dow, category,
                    categorySource, address, lon, lat, areaKinds, areaIds, areaCodes);
        }
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private ImportReport finish(Connection connection, UUID batchId, List<PlannedFile> planned, Counters counters,
            Map<String, Long> phases, long started) throws SQLException {
        long t = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE source_file SET sha256 = ?, rows_read = ?, done = TRUE WHERE id = ?")) {
            for (int i = 0; i < planned.size(); i++) {
                statement.setString(1, counters.sha256[i]);
                statement.setLong(2, counters.rowsPerFile[i]);
                statement.setObject(3, fileId(batchId, i));
                statement.addBatch();
            }
            statement.executeBatch();
        }
        long quarantined = counters.quarantinedTotal();
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        String message = String.format(java.util.Locale.ROOT, "%,d rows read: %,d accepted, %,d quarantined, %,d duplicates",
                counters.rowsRead, counters.accepted, quarantined, counters.duplicates);
        ImportReport draft = new ImportReport(batchId, "COMPLETE", planned.stream().map(PlannedFile::name).toList(),
                counters.rowsRead, counters.accepted, quarantined, Map.copyOf(counters.quarantined), counters.duplicates,
                counters.located, elapsed, phases, message);
        try (PreparedStatement statement = connection.prepareStatement("UPDATE import_batch SET status = 'COMPLETE', "
                + "finished_at = ?, rows_read = ?, rows_accepted = ?, rows_quarantined = ?, rows_duplicate = ?, "
                + "rows_located = ?, elapsed_ms = ?, message = ?, phases = ?, quarantine_reasons = ? WHERE id = ?")) {
            statement.setObject(1, OffsetDateTime.now(clock));
            statement.setLong(2, counters.rowsRead);
            statement.setLong(3, counters.accepted);
            statement.setLong(4, quarantined);
            statement.setLong(5, counters.duplicates);
            statement.setLong(6, counters.located);
            statement.setLong(7, elapsed);
            statement.setString(8, message + ". " + draft.qualityMessage());
            statement.setString(9, phases.toString());
            statement.setString(10, counters.quarantined.toString());
            statement.setObject(11, batchId);
            statement.executeUpdate();
        }
        ChangeLog.recordImportBatch(connection, batchId);
        phases.put("finish", (System.nanoTime() - t) / 1_000_000);
        return draft;
    }

    /** Keeps the source file's bytes exactly as received, once per content: every raw row stays retrievable. */
    private static void storeSourceBlob(Connection connection, PlannedFile file, String sha256) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM source_blob WHERE sha256 = ?")) {
            exists.setString(1, sha256);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO source_blob (sha256, size_bytes, content) VALUES (?, ?, ?)");
                InputStream in = Files.newInputStream(file.path())) {
            insert.setString(1, sha256);
            insert.setLong(2, file.sizeBytes());
            insert.setBinaryStream(3, in, file.sizeBytes());
            insert.executeUpdate();
        } catch (IOException e) {
            throw new ImportException(file.name() + ": cannot keep a copy of the file: " + e.getMessage(), e);
        }
    }

    /**
     * About how many rows the files hold (a compressed CSV row takes ~80 bytes, a plain one ~250), so the key set
     * is allocated once at its final size instead of growing (and copying) five times on a large import.
     */
    private static long expectedRows(List<PlannedFile> planned) {
        long rows = 0;
        for (PlannedFile file : planned) {
            rows += file.sizeBytes() / (file.format() != null && file.format().gzip() ? 80 : 250);
        }
        return rows;
    }

    private LongHashSet loadKeyHashes(long expectedNewRows) {
        return database.withConnection(connection -> {
            LongHashSet set;
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM incident")) {
                count.next();
                set = new LongHashSet((int) Math.min(1 << 28, count.getLong(1) + expectedNewRows + 100_000));
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT source_hash FROM incident WHERE source_hash IS NOT NULL")) {
                while (rs.next()) {
                    set.add(rs.getLong(1));
                }
            }
            // Rows written by other means than this importer carry no hash yet.
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT source_key FROM incident WHERE source_hash IS NULL")) {
                while (rs.next()) {
                    set.add(Hashing.hash64(rs.getString(1), 0));
                }
            }
            return set;
        });
    }

    private Map<String, String> loadAliases() {
        return database.withConnection(connection -> {
            Map<String, String> aliases = new HashMap<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT source_text, code FROM category_alias")) {
                while (rs.next()) {
                    aliases.put(rs.getString(1), rs.getString(2));
                }
            }
            return aliases;
        });
    }
}
