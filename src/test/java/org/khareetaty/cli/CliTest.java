package org.khareetaty.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.ChildJvm;
import org.khareetaty.app.Main;
import org.khareetaty.store.TestDatabases;

class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void doctorReportsHealthyAsJson() throws Exception {
        TestDatabases.prepare(folder);
        CliRun.Result result = CliRun.run("--data-dir", folder.toString(), "doctor", "--json");
        assertThat(result.exit()).as(result.err()).isZero();
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.get("healthy").asBoolean()).isTrue();
        assertThat(json.get("dataFolder").asText()).isEqualTo(folder.toString());
        assertThat(json.get("checks").size()).isGreaterThanOrEqualTo(3);
        json.get("checks").forEach(check -> assertThat(check.get("status").asText()).isNotEqualTo("FAIL"));
        assertThat(json.get("versions").get("H2").asText()).startsWith("2.");
    }

    @Test
    void dbInfoListsEveryTableWithItsRows() throws Exception {
        TestDatabases.prepare(folder);
        CliRun.Result result = CliRun.run("--data-dir", folder.toString(), "db", "info", "--json");
        assertThat(result.exit()).isZero();
        JsonNode rows = JSON.readTree(result.out()).get("rows");
        assertThat(rows.has("incident")).isTrue();
        assertThat(rows.get("incident").asLong()).isZero();
        assertThat(rows.has("audit_log")).isTrue();
    }

    @Test
    void unusableDataFolderIsAReadableErrorOnStderr() throws Exception {
        Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
        CliRun.Result result = CliRun.run("--data-dir", file.toString(), "doctor", "--json");
        assertThat(result.exit()).isNotZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("error: ").contains(file.toString());
    }

    @Test
    void theJarEntryPointRunsCommandsWithoutLoadingJavaFx() throws Exception {
        TestDatabases.prepare(folder);
        Path classLog = folder.resolve("classes.log");
        Process process = ChildJvm.start(List.of("-Xlog:class+load=info:file=" + classLog), Main.class,
                "--data-dir", folder.toString(), "doctor", "--json");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).isZero();
        assertThat(JSON.readTree(out).get("healthy").asBoolean()).isTrue();
        String loaded = Files.readString(classLog);
        assertThat(loaded).contains("org.khareetaty.cli.DoctorCommand");
        assertThat(loaded).doesNotContain(" javafx.");
    }
}
