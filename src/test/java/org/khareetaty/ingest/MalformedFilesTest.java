package org.khareetaty.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.Principal;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.store.TestDatabases;

/**
 * The malformed-file corpus (src/test/resources/org/khareetaty/ingest/malformed): no crash, every bad row
 * quarantined with its line and reason, and nothing stored when a whole file is unreadable.
 */
class MalformedFilesTest {

    // A database per test: the corpus files share rows, which another test's import would make duplicates.
    @TempDir
    static Path folder;
    static CoreServices core;
    static ImportService imports;

    @BeforeEach
    void open() {
        core = CoreServices.open(TestDatabases.prepare(folder.resolve("db-" + System.nanoTime())));
        imports = core.imports();
    }

    @AfterEach
    void close() {
        core.close();
    }

    static Path corpus(String name) throws Exception {
        Path target = folder.resolve(name);
        try (var in = MalformedFilesTest.class.getResourceAsStream("malformed/" + name)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    static MappingProfile origin() {
        return imports.profiles().get("origin-system");
    }

    private static List<String> quarantine(ImportReport report) {
        return core.database().withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT line_no, reason FROM quarantined_row WHERE batch_id = ? ORDER BY line_no")) {
                statement.setObject(1, report.batchId());
                try (ResultSet rs = statement.executeQuery()) {
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(rs.getLong(1) + ":" + rs.getString(2));
                    }
                    return rows;
                }
            }
        });
    }

    private static Map<String, Long> dataCounts() {
        Map<String, Long> counts = core.database().rowCounts();
        return Map.of("incident", counts.get("incident"), "quarantined_row", counts.get("quarantined_row"),
                "incident_area", counts.get("incident_area"), "source_blob", counts.get("source_blob"));
    }

    @Test
    void everyBadValueIsQuarantinedWithItsLineAndReason() throws Exception {
        ImportReport report = imports.importFiles(Principal.BOOTSTRAP, List.of(corpus("bad-values.csv")), origin(), TaskContext.NONE);
        assertThat(report.rowsRead()).isEqualTo(11);
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.countsAddUp()).isTrue();
        assertThat(quarantine(report)).containsExactly("3:MISSING_FIELD", "4:BAD_DATE", "5:IMPOSSIBLE_DATE",
                "6:BAD_COORDINATES", "7:ZERO_COORDINATES", "8:OUTSIDE_EXTENT", "9:MISSING_FIELD",
                "10:WRONG_FIELD_COUNT", "11:BAD_COORDINATES");
    }

    @Test
    void anUnclosedQuoteCostsOneRowAndReadingGoesOn() throws Exception {
        ImportReport report = imports.importFiles(Principal.BOOTSTRAP, List.of(corpus("bad-quoting.csv")), origin(), TaskContext.NONE);
        assertThat(report.rowsRead()).isEqualTo(10);
        assertThat(report.accepted()).isEqualTo(9);
        assertThat(quarantine(report)).containsExactly("5:BAD_QUOTING");
    }

    @Test
    void mixedLineEndingsKeepLineNumbers() throws Exception {
        ImportReport report = imports.importFiles(Principal.BOOTSTRAP, List.of(corpus("mixed-line-endings.csv")), origin(), TaskContext.NONE);
        assertThat(report.accepted()).isEqualTo(4);
        List<Long> lines = core.database().withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT line_no FROM incident WHERE batch_id = ? ORDER BY line_no")) {
                statement.setObject(1, report.batchId());
                try (ResultSet rs = statement.executeQuery()) {
                    List<Long> result = new ArrayList<>();
                    while (rs.next()) {
                        result.add(rs.getLong(1));
                    }
                    return result;
                }
            }
        });
        assertThat(lines).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void bytesInvalidInTheDeclaredEncodingAreQuarantined() throws Exception {
        MappingProfile utf8 = new MappingProfile("utf8", null, ",", "UTF-8", null, "timestamp", null, null, null,
                "Asia/Kuwait", MappingProfile.Location.lonLat("lon", "lat"), "incident_type", "zone", null);
        ImportReport report = imports.importFiles(Principal.BOOTSTRAP, List.of(corpus("wrong-encoding.csv")), utf8, TaskContext.NONE);
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(quarantine(report)).containsExactly("3:BAD_ENCODING", "5:BAD_ENCODING");
    }

    @Test
    void arabicWindows1256TabSeparatedIsDetectedAndMapped() throws Exception {
        ImportReport report = imports.importFiles(Principal.BOOTSTRAP, List.of(corpus("arabic-windows-1256.tsv")), null, TaskContext.NONE);
        assertThat(report.accepted()).isEqualTo(2);
        List<String> categories = core.database().withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT category_code || '=' || category_source FROM incident WHERE batch_id = ? ORDER BY line_no")) {
                statement.setObject(1, report.batchId());
                try (ResultSet rs = statement.executeQuery()) {
                    List<String> result = new ArrayList<>();
                    while (rs.next()) {
                        result.add(rs.getString(1));
                    }
                    return result;
                }
            }
        });
        assertThat(categories).containsExactly("theft=سرقة", "assault=مشاجرة");
    }

    @Test
    void utf8BomAndSemicolonsAreDetected() throws Exception {
        ImportReport report = imports.importFiles(Principal.BOOTSTRAP, List.of(corpus("bom-semicolon.csv")), null, TaskContext.NONE);
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.quarantined()).isZero();
    }

    @Test
    void headerOnlyImportsNothing() throws Exception {
        ImportReport report = imports.importFiles(Principal.BOOTSTRAP, List.of(corpus("header-only.csv")), origin(), TaskContext.NONE);
        assertThat(report.rowsRead()).isZero();
        assertThat(report.status()).isEqualTo("COMPLETE");
    }

    @Test
    void anEnormousFieldIsQuarantinedNotLoadedIntoMemory() throws Exception {
        Path file = folder.resolve("enormous-field.csv");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("incident_type,governorate,zone,lat,lon,timestamp\n");
            out.write("theft,Hawalli,Salmiya,29.331,48.071,2024-02-01 10:00:00\n");
            out.write("theft,Hawalli,\"");
            char[] block = new char[1 << 16];
            java.util.Arrays.fill(block, 'x');
            for (int i = 0; i < 48; i++) {
                out.write(block);  // 3 million characters in one field
            }
            out.write("\",29.33,48.07,2024-02-01 10:00:00\n");
            out.write("theft,Hawalli,Salmiya,29.332,48.072,2024-02-01 11:00:00\n");
        }
        ImportReport report = imports.importFiles(Principal.BOOTSTRAP, List.of(file), origin(), TaskContext.NONE);
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(quarantine(report)).containsExactly("3:FIELD_TOO_LONG");
    }

    @Test
    void unreadableFilesLeaveTheDatabaseUnchanged() throws Exception {
        Map<String, Long> before = dataCounts();
        for (String name : List.of("empty.csv", "binary-garbage.csv", "truncated.csv.gz")) {
            assertThatThrownBy(() -> imports.importFiles(Principal.BOOTSTRAP, List.of(corpus(name)), origin(), TaskContext.NONE))
                    .isInstanceOf(ImportException.class).hasMessageContaining(name);
        }
        // Damaged beyond the first 64 KB: found only while importing, after other files' rows were written.
        Path good = corpus("bad-quoting.csv");
        Path truncated = folder.resolve("truncated-late.csv.gz");
        byte[] whole;
        try (var bytes = new java.io.ByteArrayOutputStream(); OutputStream gzip = new GZIPOutputStream(bytes)) {
            StringBuilder text = new StringBuilder("incident_type,governorate,zone,lat,lon,timestamp\n");
            for (int i = 0; i < 40_000; i++) {
                text.append("theft,Hawalli,Salmiya,29.").append(3000 + i % 1000).append(",48.0").append(i % 97)
                        .append(",2024-01-").append(String.format("%02d", 1 + i % 28)).append(" 10:").append(String.format("%02d", i % 60)).append(":00\n");
            }
            gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
            gzip.close();
            whole = bytes.toByteArray();
        }
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length * 4 / 5));
        assertThatThrownBy(() -> imports.importFiles(Principal.BOOTSTRAP, List.of(good, truncated), origin(), TaskContext.NONE))
                .isInstanceOf(ImportException.class).hasMessageContaining("truncated-late.csv.gz");
        assertThat(dataCounts()).isEqualTo(before);
        assertThat(imports.batches().get(0).status()).isEqualTo("ROLLED_BACK");
    }
}
