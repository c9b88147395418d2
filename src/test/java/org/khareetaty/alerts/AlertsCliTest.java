package org.khareetaty.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.cli.CliRun;

/** The alerts commands end to end on a real data folder: rules import/export, evaluate, list, act, send. */
class AlertsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun.Result run(String... args) {
        return CliRun.in(dir.resolve("data"), args);
    }

    @Test
    void importEvaluateListActAndExport() throws Exception {
        try (AlertsFixture fx = new AlertsFixture(dir.resolve("data"))) {
            UUID district = fx.area("24", "District 24", -75.20, 39.90, 0.05);
            Instant t = Instant.parse("2025-11-20T10:00:00Z");
            for (int i = 0; i < 3; i++) {
                fx.incident("VEHICLE_THEFT", t.plus(Duration.ofHours(i)), -75.18, 39.92, district);
            }
        }
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, "rules:\n" + indent(RuleExamples.forKind(RuleKind.CATEGORY_COUNT)) + indent(RuleExamples.DRUGS_IMMEDIATELY),
                StandardCharsets.UTF_8);
        CliRun.Result imported = run("alerts", "rules", "import", rules.toString(), "--json");
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(JSON.readTree(imported.out()).get("created").asInt()).isEqualTo(2);

        CliRun.Result evaluated = run("alerts", "evaluate", "--json");
        assertThat(evaluated.exit()).as(evaluated.err()).isZero();
        JsonNode report = JSON.readTree(evaluated.out());
        assertThat(report.get("raised")).hasSize(1);
        assertThat(report.get("notificationsQueued").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(run("alerts", "evaluate", "--json").out()).get("raised")).isEmpty();

        JsonNode open = JSON.readTree(run("alerts", "list", "--status", "OPEN", "--json").out());
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("notificationsPending").asInt()).isEqualTo(1);
        String id = open.get(0).get("id").asText();

        CliRun.Result noNote = run("alerts", "act", id, "RESOLVE");
        assertThat(noNote.exit()).isNotZero();
        assertThat(noNote.err()).contains("note is required");
        assertThat(run("alerts", "act", id, "RESOLVE", "--note", "Patrol added").exit()).isZero();
        assertThat(JSON.readTree(run("alerts", "list", "--status", "OPEN", "--json").out())).isEmpty();
        assertThat(JSON.readTree(run("alerts", "list", "--status", "RESOLVED", "--json").out())).hasSize(1);

        CliRun.Result send = run("alerts", "send");
        assertThat(send.exit()).isNotZero();
        assertThat(send.err()).contains("Notifications are not configured").contains("1 notifications are waiting");

        CliRun.Result exported = run("alerts", "rules", "export");
        assertThat(exported.exit()).isZero();
        assertThat(RuleYaml.parseMany(exported.out(), "export")).extracting(RuleDefinition::name)
                .containsExactly("Drug offences immediately", "Vehicle thefts in a district");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "rules:\n  - name: Broken\n    kind: NEAR_REPEAT\n    threshold: 3\n", StandardCharsets.UTF_8);
        CliRun.Result refused = run("alerts", "rules", "import", bad.toString());
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.err()).contains("bad.yaml").contains("rule 'Broken'").contains("distanceMetres").contains("days");
    }

    private static String indent(String yaml) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (String line : yaml.split("\n")) {
            out.append(first ? "  - " : "    ").append(line).append('\n');
            first = false;
        }
        return out.toString();
    }
}
