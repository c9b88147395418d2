package org.khareetaty.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.charts.ChartKind;
import org.khareetaty.charts.ChartOptions;
import org.khareetaty.charts.IncidentChart;
import org.khareetaty.cli.CliRun;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.report.IsoWeek;
import org.khareetaty.report.WeeklyReportRequest;
import org.khareetaty.report.export.ExportFormat;
import org.khareetaty.store.TestIncidents;

/**
 * Exports and reports encrypted on request (issue 12): AES-256-GCM files named .kenc that decrypt to exactly the
 * plain export, refuse tampering, truncation and wrong passphrases, are audited as encrypted, and leave no plaintext
 * (no .part file, no canary) on disk.
 */
class EncryptedExportTest {

    private static final Principal ADMIN = new Principal("ada", Role.ADMINISTRATOR);
    private static final String CANARY = "CANARY-EXPORT-5e0b17";
    private static final char[] PASSPHRASE = "supervisor copy 2026".toCharArray();

    @TempDir
    static Path root;
    static CoreServices core;

    @BeforeAll
    static void open() {
        core = CoreServices.open(new DataFolder(root.resolve("data")));
        List<TestIncidents.Incident> incidents = new ArrayList<>(TestIncidents.random(12_000, 41));
        incidents.add(new TestIncidents.Incident(UUID.randomUUID(), CANARY, Instant.parse("2024-03-05T10:00:00Z"),
                "THEFT", -75.16, 39.95));
        TestIncidents.insert(core.database(), incidents, ZoneId.of("America/New_York"));
    }

    @AfterAll
    static void close() {
        core.close();
    }

    @Test
    void encryptedIncidentExportDecryptsToThePlainExportAndIsAuditedAsEncrypted() throws Exception {
        Path plain = root.resolve("plain").resolve("incidents.csv");
        core.exporter().exportIncidents(ADMIN, IncidentFilter.ALL, ExportFormat.CSV, plain, TaskContext.NONE);
        Path folder = root.resolve("sealed");
        long rows = core.exporter().exportIncidents(ADMIN, IncidentFilter.ALL, ExportFormat.CSV,
                folder.resolve("incidents.csv"), FileProtection.passphrase(PASSPHRASE), TaskContext.NONE);
        assertThat(rows).isEqualTo(12_001);
        Path sealed = folder.resolve("incidents.csv.kenc");
        assertThat(listNames(folder)).containsExactly("incidents.csv.kenc");
        assertThat(Files.size(plain)).as("large enough for more than one 1 MiB chunk").isGreaterThan(1L << 20);

        AuditRecord record = core.audit().latest(1).get(0);
        assertThat(record.event()).isEqualTo("EXPORT");
        assertThat(record.object()).endsWith("incidents.csv.kenc");
        assertThat(record.details()).contains("12001 incidents").contains("encrypted (AES-256-GCM");

        Path opened = root.resolve("opened.csv");
        FileEncryption.decrypt(sealed, opened, PASSPHRASE);
        assertThat(Files.mismatch(opened, plain)).isEqualTo(-1L);
        assertThat(AtRestScan.filesContaining(AtRestScan.files(root, folder), CANARY)).isEmpty();
        assertThat(AtRestScan.filesContaining(AtRestScan.files(root, root.resolve("plain")), CANARY))
                .as("the scan finds the canary in the clear export").hasSize(1);
    }

    @Test
    void tamperingTruncationAndAWrongPassphraseAreRefused() throws Exception {
        Path folder = root.resolve("tamper");
        core.exporter().exportIncidents(ADMIN, IncidentFilter.ALL, ExportFormat.GEOJSON, folder.resolve("incidents.geojson"),
                FileProtection.passphrase(PASSPHRASE), TaskContext.NONE);
        Path sealed = folder.resolve("incidents.geojson.kenc");
        byte[] bytes = Files.readAllBytes(sealed);

        byte[] flipped = bytes.clone();
        flipped[bytes.length - 100] ^= 0x01;
        assertThatThrownBy(() -> readAll(flipped, PASSPHRASE)).isInstanceOf(IOException.class)
                .hasMessageContaining("changed or cut short");
        // Cut at a chunk boundary: every remaining chunk authenticates, but the one marked last is missing.
        int firstChunk = 6 + 16 + 8 + 4 + (1 << 20) + 16;
        assertThatThrownBy(() -> readAll(java.util.Arrays.copyOf(bytes, firstChunk), PASSPHRASE))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> readAll(java.util.Arrays.copyOf(bytes, bytes.length - 7), PASSPHRASE))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> readAll(bytes, "not the passphrase".toCharArray())).isInstanceOf(IOException.class)
                .hasMessageContaining("wrong passphrase");
        assertThat(new String(readAll(bytes, PASSPHRASE), java.nio.charset.StandardCharsets.UTF_8)).contains(CANARY);
    }

    @Test
    void reportsChartsAndAuditExportsAreEncryptedToo() throws Exception {
        Path folder = root.resolve("reports");
        FileProtection protection = FileProtection.passphrase(PASSPHRASE);
        core.reports().writeWeekly(ADMIN, new WeeklyReportRequest(IsoWeek.parse("2024-W10"), List.of(), "Ada", 3),
                folder.resolve("weekly.pdf"), protection, TaskContext.NONE);
        IncidentChart chart = core.charts().build(ChartKind.TIMELINE, IncidentFilter.ALL, ChartOptions.DEFAULTS,
                TaskContext.NONE);
        Path png = core.chartFiles().write(ADMIN, ChartKind.TIMELINE, IncidentFilter.ALL, chart, folder.resolve("t.png"),
                800, 500, protection);
        core.audit().export(ADMIN, folder.resolve("audit.jsonl"), protection);

        assertThat(listNames(folder)).containsExactlyInAnyOrder("weekly.pdf.kenc", "t.png.kenc", "audit.jsonl.kenc");
        assertThat(png.getFileName().toString()).isEqualTo("t.png.kenc");
        assertThat(readAll(Files.readAllBytes(folder.resolve("weekly.pdf.kenc")), PASSPHRASE)).startsWith("%PDF".getBytes());
        assertThat(readAll(Files.readAllBytes(png), PASSPHRASE)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        String audit = new String(readAll(Files.readAllBytes(folder.resolve("audit.jsonl.kenc")), PASSPHRASE),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(audit.lines().findFirst().orElseThrow()).startsWith("{");
        assertThat(audit).contains("weekly.pdf.kenc").contains("encrypted (AES-256-GCM");
        Map<String, byte[]> files = AtRestScan.files(root, folder);
        assertThat(AtRestScan.filesContaining(files, "\"event\"")).as("no clear JSON lines on disk").isEmpty();
        assertThat(AtRestScan.filesContaining(files, "2024-W10")).as("no clear report or audit text on disk").isEmpty();
    }

    @Test
    void streamsOfAnySizeRoundTrip() throws Exception {
        Random random = new Random(7);
        for (int size : new int[] {0, 1 << 20, 2 * (1 << 20) + 5}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (OutputStream out = FileEncryption.encrypting(sink, PASSPHRASE)) {
                for (int at = 0; at < size; at += 70_000) {
                    out.write(data, at, Math.min(70_000, size - at));
                }
            }
            assertThat(readAll(sink.toByteArray(), PASSPHRASE)).as("size " + size).isEqualTo(data);
        }
    }

    @Test
    void theDecryptCommandNeedsAPassphraseAndLeavesNothingWhenItHasNone() throws Exception {
        Path folder = root.resolve("cli");
        core.exporter().exportIncidents(ADMIN, IncidentFilter.ALL, ExportFormat.CSV, folder.resolve("h.csv"),
                FileProtection.passphrase(PASSPHRASE), TaskContext.NONE);
        Path out = folder.resolve("h-open.csv");
        CliRun.Result result = CliRun.run("decrypt", folder.resolve("h.csv.kenc").toString(), "--out", out.toString(),
                "--passphrase-env", "KHAREETATY_TEST_UNSET_VARIABLE");
        assertThat(result.exit()).isNotZero();
        assertThat(result.err()).contains("KHAREETATY_TEST_UNSET_VARIABLE holds no passphrase");
        assertThat(Files.exists(out)).isFalse();
        Path clear = Files.writeString(folder.resolve("clear.csv"), "id\n1\n");
        CliRun.Result notEncrypted = CliRun.run("decrypt", clear.toString(), "--out", out.toString());
        assertThat(notEncrypted.err()).contains("not an encrypted Khareetaty file");
    }

    private static byte[] readAll(byte[] sealed, char[] passphrase) throws IOException {
        try (InputStream in = FileEncryption.decrypting(new ByteArrayInputStream(sealed), passphrase, "test file")) {
            return in.readAllBytes();
        }
    }

    private static List<String> listNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
