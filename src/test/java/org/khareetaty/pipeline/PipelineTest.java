package org.khareetaty.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.ChildJvm;
import org.khareetaty.app.Main;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.security.Principal;
import org.khareetaty.store.TestDatabases;

class PipelineTest {

    @TempDir
    Path folder;

    /** A CSV in the origin system's layout, with Kuwait coordinates. */
    private static String originCsv(int rows, long seed) {
        Random random = new Random(seed);
        String[] types = {"theft", "vehicle_theft", "assault", "drugs"};
        StringBuilder csv = new StringBuilder("incident_type,governorate,zone,lat,lon,timestamp\n");
        for (int i = 0; i < rows; i++) {
            csv.append(types[random.nextInt(types.length)]).append(",Capital,Sharq,")
                    .append(String.format(java.util.Locale.ROOT, "%.5f,%.5f", 29.33 + random.nextDouble() * 0.05, 47.95 + random.nextDouble() * 0.05))
                    .append(String.format(",2025-03-%02d %02d:%02d:00%n", 1 + random.nextInt(28), random.nextInt(24), random.nextInt(60)));
        }
        return csv.toString();
    }

    private static void stage(Path staging) throws Exception {
        Files.createDirectories(staging);
        Files.writeString(staging.resolve("a-good.csv"), originCsv(400, 1));
        Files.writeString(staging.resolve("b-duplicate.csv"), originCsv(400, 1));
        byte[] garbage = new byte[5000];
        new Random(3).nextBytes(garbage);
        Files.write(staging.resolve("c-broken.csv.gz"), garbage);
    }

    @Test
    void archivesGoodAndDuplicateFilesRejectsBrokenOnesAndASecondRunDoesNothingNew() throws Exception {
        DataFolder data = TestDatabases.prepare(folder);
        Path staging = folder.resolve("staging");
        stage(staging);
        try (CoreServices core = CoreServices.open(data)) {
            core.settings().set(PipelineSettings.REPORT_DAY, "NONE");
            core.alerts().rules().save(Principal.BOOTSTRAP, null, """
                    name: Vehicle thefts
                    kind: CATEGORY_COUNT
                    severity: HIGH
                    categories: [vehicle_theft]
                    threshold: 2
                    windowHours: 72
                    recipients:
                      - {role: ANALYST, channel: SMS, to: "+96550000001"}
                    """);
            PipelineRun first = core.pipeline().run(Principal.BOOTSTRAP, "test", TaskContext.NONE);

            assertThat(Files.exists(staging.resolve("archive/a-good.csv"))).isTrue();
            assertThat(Files.exists(staging.resolve("archive/b-duplicate.csv"))).isTrue();
            assertThat(Files.exists(staging.resolve("rejected/c-broken.csv.gz"))).isTrue();
            assertThat(Files.readString(staging.resolve("rejected/c-broken.csv.gz.reason.txt"))).contains("c-broken.csv.gz");
            assertThat(Files.list(staging).filter(Files::isRegularFile)).isEmpty();

            StepResult imported = step(first, "import");
            assertThat(imported.status()).isEqualTo(StepResult.Status.FAILED);  // one file was rejected
            assertThat(((Number) imported.figures().get("accepted")).longValue()).isEqualTo(400);
            assertThat(step(first, "backup").status()).isEqualTo(StepResult.Status.OK);
            assertThat(step(first, "sync").status()).isEqualTo(StepResult.Status.SKIPPED);
            // The import's own event may already have evaluated the rule in the background; either way, after the
            // run the thefts have raised alerts, each with its SMS waiting in the outbox (Twilio is not configured).
            assertThat(step(first, "alerts").status()).isEqualTo(StepResult.Status.OK);
            long raised = core.database().rowCounts().get("alert");
            assertThat(raised).as("alerts raised by the imported thefts").isPositive();
            assertThat(core.database().rowCounts().get("notification_outbox")).isEqualTo(raised);
            assertThat(first.status()).isEqualTo("PARTIAL");
            long incidents = core.database().rowCounts().get("incident");
            assertThat(incidents).isEqualTo(400);

            Map<String, Long> before = withoutBookkeeping(core.database().rowCounts());
            long backups = core.backups().list().size();
            PipelineRun second = core.pipeline().run(Principal.BOOTSTRAP, "test", TaskContext.NONE);
            assertThat(second.steps()).noneMatch(s -> s.status() == StepResult.Status.FAILED);
            assertThat(step(second, "import").status()).isEqualTo(StepResult.Status.SKIPPED);
            assertThat(step(second, "hotspots").status()).isEqualTo(StepResult.Status.SKIPPED);
            assertThat(step(second, "forecast").status()).isEqualTo(StepResult.Status.SKIPPED);
            assertThat(((Number) step(second, "alerts").figures().get("raised")).intValue()).as("no second alert for the same thefts").isZero();
            assertThat(core.database().rowCounts().get("alert")).isEqualTo(raised);
            assertThat(withoutBookkeeping(core.database().rowCounts())).as("a second run adds nothing").isEqualTo(before);
            assertThat(core.backups().list()).hasSize((int) backups);
            assertThat(core.pipeline().recentRuns(5)).hasSize(2);
            assertThat(Files.readString(data.logs().resolve("pipeline-runs-" + first.startedAt().toString().substring(0, 7) + ".jsonl"))
                    .lines()).hasSize(2);
        }
    }

    @Test
    void aRunKilledMidwayResumesCleanlyOnTheNextRun() throws Exception {
        DataFolder data = TestDatabases.prepare(folder);
        Path staging = folder.resolve("staging");
        Files.createDirectories(staging);
        for (int f = 0; f < 6; f++) {
            Files.writeString(staging.resolve("batch-" + f + ".csv"), originCsv(3_000, 10 + f));
        }
        Process run = ChildJvm.start(Main.class, "--data-dir", folder.toString(), "pipeline", "run");
        // Kill once the first file has been archived, i.e. in the middle of the run.
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && !Files.exists(staging.resolve("archive/batch-0.csv")) && run.isAlive()) {
            Thread.sleep(20);
        }
        ChildJvm.killHard(run);

        try (CoreServices core = CoreServices.open(data)) {
            core.settings().set(PipelineSettings.REPORT_DAY, "NONE");
            PipelineRun resumed = core.pipeline().run(Principal.BOOTSTRAP, "test", TaskContext.NONE);
            assertThat(step(resumed, "import").status()).isIn(StepResult.Status.OK, StepResult.Status.SKIPPED);
            for (int f = 0; f < 6; f++) {
                assertThat(staging.resolve("archive/batch-" + f + ".csv")).exists();
            }
            assertThat(core.database().rowCounts().get("incident")).isEqualTo(18_000);
            Map<String, Long> counts = core.database().rowCounts();
            assertThat(counts.get("import_batch")).isPositive();
            assertThat(core.pipeline().recentRuns(5).stream().map(PipelineRun::status))
                    .doesNotContain("RUNNING");
            Long unfinished = core.database().withConnection(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery(
                        "SELECT COUNT(*) FROM import_batch WHERE status IN ('RUNNING', 'INCOMPLETE')")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(unfinished).as("no half batch left counted or pending").isZero();
        }
    }

    /** Row counts of the data tables; the audit log and the run records grow with every run by design. */
    private static Map<String, Long> withoutBookkeeping(Map<String, Long> counts) {
        Map<String, Long> data = new java.util.TreeMap<>(counts);
        data.keySet().removeAll(java.util.Set.of("audit_log", "pipeline_run", "setting"));
        return data;
    }

    private static StepResult step(PipelineRun run, String name) {
        return run.steps().stream().filter(s -> s.step().equals(name)).findFirst().orElseThrow();
    }
}
