package org.khareetaty.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.core.CoreServices;
import org.khareetaty.store.TestDatabases;

class SettingsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private CliRun.Result run(String... args) {
        return CliRun.in(folder, args);
    }

    private static JsonNode entry(JsonNode list, String key) {
        for (JsonNode row : list) {
            if (row.get("key").asText().equals(key)) {
                return row;
            }
        }
        throw new AssertionError("no " + key + " in " + list);
    }

    @Test
    void setListAndResetAreValidatedAndAudited() throws Exception {
        TestDatabases.prepare(folder);
        JsonNode before = JSON.readTree(run("settings", "list", "--json").out());
        assertThat(entry(before, "agency.timeZone").get("value").asText()).isEqualTo("Asia/Kuwait");
        assertThat(entry(before, "agency.timeZone").get("default").asBoolean()).isTrue();
        assertThat(entry(before, "sync.password.encrypted").get("value").asText()).isEqualTo("(not set)");

        CliRun.Result set = run("settings", "set", "agency.timeZone", "America/New_York");
        assertThat(set.exit()).as(set.err()).isZero();
        JsonNode after = JSON.readTree(run("settings", "list", "--json").out());
        assertThat(entry(after, "agency.timeZone").get("value").asText()).isEqualTo("America/New_York");
        assertThat(entry(after, "agency.timeZone").get("default").asBoolean()).isFalse();

        CliRun.Result bad = run("settings", "set", "security.lockout.attempts", "0");
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("security.lockout.attempts").contains("0");
        assertThat(run("settings", "set", "no.such.key", "1").err()).contains("no.such.key");
        assertThat(run("settings", "set", "sync.password.encrypted", "secret").err()).contains("credential");

        assertThat(run("settings", "reset", "agency.timeZone").exit()).isZero();
        JsonNode reset = JSON.readTree(run("settings", "list", "--json").out());
        assertThat(entry(reset, "agency.timeZone").get("value").asText()).isEqualTo("Asia/Kuwait");

        try (CoreServices core = CoreServices.open(new org.khareetaty.common.DataFolder(folder))) {
            long audited = core.database().withConnection(connection -> {
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                        "SELECT COUNT(*) FROM audit_log WHERE event = 'SETTING_CHANGE' AND outcome = 'SUCCESS'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(audited).as("the change and the reset").isEqualTo(2);
        }
    }
}
