package org.khareetaty.pipeline;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.khareetaty.common.CancelledException;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.health.HealthCheck;
import org.khareetaty.common.health.HealthResult;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily pipeline: staging import, analyses, alerts, the weekly report, sync, retention and backup.
 * Every step's outcome is recorded in {@code pipeline_run} and as one JSON line per run in the logs folder;
 * a failed step does not stop the others. Two runs never overlap (one process per data folder, and one
 * run at a time inside it); a run cut short by a crash is marked INTERRUPTED and the next run picks up.
 */
public final class PipelineService {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineService.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Thrown when a run is asked for while another one is going. */
    public static final class AlreadyRunningException extends RuntimeException {
        public AlreadyRunningException() {
            super("The pipeline is already running; wait for it to finish.");
        }
    }

    private final Database database;
    private final Clock clock;
    private final Settings settings;
    private final AuditLog audit;
    private final List<PipelineStep> steps;
    private final ReentrantLock running = new ReentrantLock();

    public PipelineService(Database database, Clock clock, Settings settings, AuditLog audit, List<PipelineStep> steps) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
        this.steps = List.copyOf(steps);
    }

    public List<String> stepNames() {
        return steps.stream().map(PipelineStep::name).toList();
    }

    public PipelineRun run(Principal principal, String trigger, TaskContext task) {
        principal.require(Permission.IMPORT);
        if (!running.tryLock()) {
            throw new AlreadyRunningException();
        }
        try {
            markInterruptedRuns();
            UUID id = UUID.randomUUID();
            Instant started = clock.instant();
            insertRun(id, trigger, started);
            LocalDate today = LocalDate.ofInstant(started, settings.get(Settings.AGENCY_ZONE));
            PipelineContext context = new PipelineContext(principal, started, today);
            List<StepResult> results = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                PipelineStep step = steps.get(i);
                task.progress(i, steps.size(), "Pipeline: " + step.name());
                long stepStart = System.nanoTime();
                StepResult result;
                try {
                    task.checkCancelled();
                    result = step.run(context, task);
                } catch (CancelledException e) {
                    throw e;
                } catch (Exception e) {
                    LOG.warn("Pipeline step {} failed", step.name(), e);
                    result = new StepResult(null, StepResult.Status.FAILED, readable(e), 0, null);
                }
                results.add(result.named(step.name(), (System.nanoTime() - stepStart) / 1_000_000));
                updateRun(id, null, "RUNNING", results);
            }
            boolean failed = results.stream().anyMatch(r -> r.status() == StepResult.Status.FAILED);
            PipelineRun run = new PipelineRun(id, trigger, started, clock.instant(), failed ? "PARTIAL" : "OK", results);
            updateRun(id, run.finishedAt(), run.status(), results);
            appendRunLog(run);
            audit.record(principal, "PIPELINE_RUN", trigger, failed ? AuditLog.Outcome.FAILURE : AuditLog.Outcome.SUCCESS,
                    results.stream().map(r -> r.step() + "=" + r.status()).reduce((a, b) -> a + ", " + b).orElse(""));
            return run;
        } finally {
            running.unlock();
        }
    }

    private static String readable(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Runs left RUNNING by a process that died (kill, power cut) are closed as INTERRUPTED. */
    private void markInterruptedRuns() {
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE pipeline_run SET status = 'INTERRUPTED', finished_at = ? WHERE status = 'RUNNING'")) {
                statement.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
                return statement.executeUpdate();
            }
        });
    }

    private void insertRun(UUID id, String trigger, Instant started) {
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO pipeline_run (id, started_at, trigger_source, status, steps) VALUES (?, ?, ?, 'RUNNING', '[]')")) {
                statement.setObject(1, id);
                statement.setObject(2, started.atOffset(ZoneOffset.UTC));
                statement.setString(3, trigger);
                return statement.executeUpdate();
            }
        });
    }

    private void updateRun(UUID id, Instant finished, String status, List<StepResult> results) {
        String json = toJson(results);
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE pipeline_run SET finished_at = ?, status = ?, steps = ? WHERE id = ?")) {
                statement.setObject(1, finished == null ? null : finished.atOffset(ZoneOffset.UTC));
                statement.setString(2, status);
                statement.setString(3, json);
                statement.setObject(4, id);
                return statement.executeUpdate();
            }
        });
    }

    /** The most recent run, finished or not. */
    public Optional<PipelineRun> lastRun() {
        return recentRuns(1).stream().findFirst();
    }

    public List<PipelineRun> recentRuns(int limit) {
        return database.withConnection(connection -> {
            List<PipelineRun> runs = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, trigger_source, started_at, finished_at, "
                    + "status, steps FROM pipeline_run ORDER BY started_at DESC LIMIT ?")) {
                statement.setInt(1, limit);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime finished = rs.getObject(4, OffsetDateTime.class);
                        runs.add(new PipelineRun(rs.getObject(1, UUID.class), rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(),
                                rs.getString(5), fromJson(rs.getString(6))));
                    }
                }
            }
            return runs;
        });
    }

    /** Doctor and the status pane: the last run and any failed step, in plain words. */
    public HealthCheck healthCheck() {
        return () -> {
            Optional<PipelineRun> last = lastRun();
            if (last.isEmpty()) {
                return HealthResult.ok("pipeline", "the pipeline has not run yet");
            }
            PipelineRun run = last.get();
            String when = run.startedAt() + " (" + run.trigger() + ")";
            List<String> failed = run.steps().stream().filter(s -> s.status() == StepResult.Status.FAILED)
                    .map(s -> s.step() + ": " + s.message()).toList();
            if ("INTERRUPTED".equals(run.status())) {
                return HealthResult.warn("pipeline", "the last run, started " + when + ", was interrupted; the next run resumes");
            }
            if (!failed.isEmpty()) {
                return HealthResult.warn("pipeline", "last run " + when + " had failed steps: " + String.join("; ", failed));
            }
            return HealthResult.ok("pipeline", "last run " + when + ": " + run.status());
        };
    }

    /** One JSON line per run, in a file per month, the oldest files removed beyond the retention count. */
    private void appendRunLog(PipelineRun run) {
        Path logs = database.folder().logs();
        try {
            Files.createDirectories(logs);
            String month = run.startedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
            Path file = logs.resolve("pipeline-runs-" + month + ".jsonl");
            Files.writeString(file, JSON.writeValueAsString(run) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            int keptMonths = Math.max(1, settings.get(PipelineSettings.RUN_LOGS_KEPT) / 30);
            try (Stream<Path> files = Files.list(logs)) {
                List<Path> monthly = files.filter(f -> f.getFileName().toString().matches("pipeline-runs-\\d{4}-\\d{2}\\.jsonl"))
                        .sorted(Comparator.reverseOrder()).toList();
                for (Path old : monthly.subList(Math.min(keptMonths, monthly.size()), monthly.size())) {
                    Files.deleteIfExists(old);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot write the pipeline run log in {}", logs, e);
        }
    }

    private static String toJson(List<StepResult> results) {
        try {
            return JSON.writeValueAsString(results);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<StepResult> fromJson(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<StepResult>>() { });
        } catch (IOException e) {
            return List.of();
        }
    }
}
