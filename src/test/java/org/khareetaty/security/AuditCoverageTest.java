package org.khareetaty.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.khareetaty.alerts.AlertAction;
import org.khareetaty.alerts.AlertRule;
import org.khareetaty.alerts.RuleExamples;
import org.khareetaty.alerts.RuleKind;
import org.khareetaty.charts.ChartKind;
import org.khareetaty.charts.ChartOptions;
import org.khareetaty.charts.IncidentChart;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.report.IsoWeek;
import org.khareetaty.report.WeeklyReportRequest;
import org.khareetaty.report.export.ExportFormat;
import org.khareetaty.store.TestIncidents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: each audited action of the core services (the same calls the window and the CLI make) writes exactly
 * one audit record with time, user, event, object, outcome and details, also when it fails or is refused.
 */
class AuditCoverageTest {

    private static final Principal ADMIN = new Principal("ada", Role.ADMINISTRATOR);
    private static final Principal SUPERVISOR = new Principal("sam", Role.SUPERVISOR);
    private static final Principal ANALYST = new Principal("ann", Role.ANALYST);

    @TempDir
    static Path folder;
    static CoreServices core;

    @BeforeAll
    static void open() {
        core = CoreServices.open(new DataFolder(folder.resolve("db")));
        TestIncidents.insert(core.database(), TestIncidents.random(300, 12), ZoneId.of("America/New_York"));
    }

    @AfterAll
    static void close() {
        core.close();
    }

    /** Runs the action and returns the one record it wrote, after checking that every field is filled. */
    private static AuditRecord onlyRecordOf(Runnable action) {
        long before = core.audit().latest(1).stream().mapToLong(AuditRecord::seq).max().orElse(0);
        action.run();
        List<AuditRecord> written = new ArrayList<>(core.audit().latest(50));
        written.removeIf(record -> record.seq() <= before);
        assertThat(written).as("records written by one action").hasSize(1);
        AuditRecord record = written.get(0);
        assertThat(record.at()).isNotNull();
        assertThat(record.username()).isNotBlank();
        assertThat(record.event()).isNotBlank();
        assertThat(record.object()).isNotBlank();
        assertThat(record.outcome()).isNotBlank();
        assertThat(record.details()).isNotBlank();
        return record;
    }

    private static AuditRecord onlyRecordOfFailing(Supplier<Object> action, Class<? extends Throwable> expected) {
        return onlyRecordOf(() -> assertThatThrownBy(action::get).isInstanceOf(expected));
    }

    @Test
    void exportsAndReportsAreAuditedWithTheirRowCounts() throws Exception {
        Path csv = folder.resolve("incidents.csv");
        long[] rows = new long[1];
        AuditRecord export = onlyRecordOf(() -> rows[0] = core.exporter().exportIncidents(ANALYST, IncidentFilter.ALL,
                ExportFormat.CSV, csv, TaskContext.NONE));
        assertThat(export).extracting(AuditRecord::username, AuditRecord::event, AuditRecord::object, AuditRecord::outcome)
                .containsExactly("ann", "EXPORT", csv.toAbsolutePath().toString(), "SUCCESS");
        assertThat(rows[0]).isEqualTo(300);
        assertThat(export.details()).startsWith("300 incidents as csv (all incidents)");

        AuditRecord noHotspots = onlyRecordOfFailing(() -> core.exporter().exportHotspots(ANALYST, null, ExportFormat.CSV,
                folder.resolve("hotspots.csv"), TaskContext.NONE), IllegalStateException.class);
        assertThat(noHotspots.outcome()).isEqualTo("FAILURE");

        Path pdf = folder.resolve("weekly.pdf");
        AuditRecord report = onlyRecordOf(() -> core.reports().writeWeekly(ANALYST, new WeeklyReportRequest(
                IsoWeek.parse("2024-W10"), List.of(), "Ann", 3), pdf, TaskContext.NONE));
        assertThat(report.event()).isEqualTo("REPORT");
        assertThat(report.details()).startsWith("weekly report 2024-W10").contains(" incidents");
        assertThat(pdf).isNotEmptyFile();

        Path png = folder.resolve("timeline.png");
        IncidentChart chart = core.charts().build(ChartKind.TIMELINE, IncidentFilter.ALL, ChartOptions.DEFAULTS, TaskContext.NONE);
        AuditRecord chartRecord = onlyRecordOf(() -> core.chartFiles().write(ANALYST, ChartKind.TIMELINE, IncidentFilter.ALL,
                chart, png, 400, 300));
        assertThat(chartRecord.event()).isEqualTo("EXPORT");
        assertThat(png).isNotEmptyFile();

        Path map = folder.resolve("map.png");
        AuditRecord mapRecord = onlyRecordOf(() -> core.map().writeSnapshot(ANALYST,
                new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), map, "test view"));
        assertThat(mapRecord.details()).contains("64x48");

        Path auditFile = folder.resolve("audit.jsonl");
        AuditRecord auditExport = onlyRecordOf(() -> core.audit().export(ADMIN, auditFile));
        assertThat(auditExport.event()).isEqualTo("AUDIT_EXPORT");
        assertThat(Files.readAllLines(auditFile)).hasSizeGreaterThanOrEqualTo(5);
        AuditRecord denied = onlyRecordOfFailing(() -> core.audit().export(ANALYST, folder.resolve("no.tsv")),
                AccessDeniedException.class);
        assertThat(denied.outcome()).isEqualTo("DENIED");
    }

    @Test
    void settingChangesAreAuditedOncePerSaveAndNeverShowTheSecret() {
        AuditRecord twilio = onlyRecordOf(() -> core.alerts().configureTwilio(ADMIN, "AC0123", "+15550001111", "",
                "canary-token-7781"));
        assertThat(twilio.event()).isEqualTo("SETTING_CHANGE");
        assertThat(twilio.details()).contains("alerts.twilio.accountSid").contains("replaced (encrypted)")
                .doesNotContain("canary-token-7781");

        AuditRecord refused = onlyRecordOfFailing(() -> core.alerts().configureTwilio(ANALYST, "AC999", null, null, null),
                AccessDeniedException.class);
        assertThat(refused.outcome()).isEqualTo("DENIED");
        assertThat(core.settings().raw("alerts.twilio.accountSid")).contains("AC0123");

        AuditRecord basemap = onlyRecordOf(() -> core.map().saveBasemapSettings(ADMIN, "", "", "© test credit"));
        assertThat(basemap.object()).isEqualTo("basemap");

        long before = core.audit().verify().records();
        core.alerts().configureTwilio(ADMIN, "AC0123", "+15550001111", "", null);
        assertThat(core.audit().verify().records()).as("saving unchanged values is no change").isEqualTo(before);
    }

    @Test
    void ruleAndAlertChangesAreAuditedWithTheActingUser() throws Exception {
        AuditRecord created = onlyRecordOf(() -> core.alerts().rules().save(SUPERVISOR, null,
                RuleExamples.forKind(RuleKind.CATEGORY_COUNT)));
        assertThat(created).extracting(AuditRecord::username, AuditRecord::event).containsExactly("sam", "RULE_CHANGE");
        AlertRule rule = core.alerts().rules().all().get(0);
        assertThat(onlyRecordOf(() -> core.alerts().rules().setEnabled(SUPERVISOR, rule.id(), false)).details())
                .isEqualTo("disabled");
        Path yaml = folder.resolve("rules.yaml");
        assertThat(onlyRecordOf(() -> core.alerts().rules().exportTo(SUPERVISOR, yaml)).details()).startsWith("1 alert rules");
        String exported = Files.readString(yaml, StandardCharsets.UTF_8);
        assertThat(onlyRecordOf(() -> core.alerts().rules().importYaml(SUPERVISOR, exported, "rules.yaml")).details())
                .contains("1 replaced");
        assertThat(onlyRecordOfFailing(() -> core.alerts().rules().save(ANALYST, null,
                RuleExamples.forKind(RuleKind.CATEGORY_COUNT)), AccessDeniedException.class).outcome()).isEqualTo("DENIED");

        UUID alert = insertAlert(rule.id());
        AuditRecord acknowledged = onlyRecordOf(() -> core.alerts().alerts().act(ANALYST, alert, AlertAction.ACKNOWLEDGE,
                null, null));
        assertThat(acknowledged).extracting(AuditRecord::username, AuditRecord::event, AuditRecord::object)
                .containsExactly("ann", "ALERT_ACKNOWLEDGE", alert.toString());
        assertThat(onlyRecordOfFailing(() -> core.alerts().alerts().act(ANALYST, alert, AlertAction.RESOLVE, "done", null),
                AccessDeniedException.class).outcome()).isEqualTo("DENIED");
        AuditRecord resolved = onlyRecordOf(() -> core.alerts().alerts().act(SUPERVISOR, alert, AlertAction.RESOLVE,
                "patrol sent", null));
        assertThat(resolved.details()).contains("RESOLVED").contains("patrol sent");
        assertThat(core.alerts().alerts().detail(alert).orElseThrow().actions())
                .extracting(action -> action.username()).containsExactly("ann", "sam");

        assertThat(onlyRecordOf(() -> core.alerts().rules().remove(SUPERVISOR, rule.id())).details())
                .startsWith("disabled instead of deleted");
    }

    @Test
    void importsSyncRunsAndBackupsAreAuditedOnce() throws Exception {
        Path csv = folder.resolve("few.csv");
        Files.writeString(csv, "incident_type,governorate,zone,lat,lon,timestamp\n"
                + "theft,Hawalli,Salmiya,29.331,48.071,2024-02-02 11:00:00\n"
                + "theft,Hawalli,Salmiya,29.33,48.07,not a date\n", StandardCharsets.UTF_8);
        AuditRecord imported = onlyRecordOf(() -> core.imports().importFiles(ANALYST, List.of(csv),
                core.imports().profiles().get("origin-system"), TaskContext.NONE));
        assertThat(imported).extracting(AuditRecord::event, AuditRecord::outcome).containsExactly("IMPORT", "SUCCESS");
        assertThat(imported.details()).contains("2 rows read, 1 accepted, 1 quarantined");

        Path quarantined = folder.resolve("quarantine.csv");
        assertThat(onlyRecordOf(() -> core.quarantine().export(ANALYST, null, quarantined)).details())
                .startsWith("1 quarantined rows");

        AuditRecord sync = onlyRecordOfFailing(() -> core.sync().sync(ADMIN, TaskContext.NONE), RuntimeException.class);
        assertThat(sync).extracting(AuditRecord::event, AuditRecord::outcome).containsExactly("SYNC_RUN", "FAILURE");
        assertThat(onlyRecordOfFailing(() -> core.sync().sync(ANALYST, TaskContext.NONE), AccessDeniedException.class)
                .outcome()).isEqualTo("DENIED");

        AuditRecord backup = onlyRecordOf(() -> core.backups().create(ADMIN, null));
        assertThat(backup.event()).isEqualTo("BACKUP_CREATE");
        assertThat(core.audit().verify().intact()).isTrue();
    }

    @Test
    void roleChangesAreAuditedOnceIncludingRefusals() {
        if (core.users().user("ada").isEmpty()) {
            core.users().create(ADMIN, "ada", "Ada", Role.ADMINISTRATOR, "admin-password-2026".toCharArray());
        }
        core.users().create(ADMIN, "rob", "Rob", Role.ANALYST, "rob-analyst-pass-9".toCharArray());

        AuditRecord changed = onlyRecordOf(() -> core.users().changeRole(ADMIN, "rob", Role.SUPERVISOR));
        assertThat(changed).extracting(AuditRecord::username, AuditRecord::event, AuditRecord::object, AuditRecord::outcome)
                .containsExactly("ada", "USER_ROLE_CHANGE", "rob", "SUCCESS");
        assertThat(changed.details()).isEqualTo("ANALYST -> SUPERVISOR");
        assertThat(onlyRecordOfFailing(() -> core.users().changeRole(ANALYST, "rob", Role.ADMINISTRATOR),
                AccessDeniedException.class).outcome()).isEqualTo("DENIED");
        AuditRecord lastAdministrator = onlyRecordOfFailing(() -> core.users().changeRole(ADMIN, "ada", Role.ANALYST),
                IllegalArgumentException.class);
        assertThat(lastAdministrator.outcome()).isEqualTo("FAILURE");
        assertThat(lastAdministrator.details()).contains("only active administrator");
        assertThat(core.users().user("rob").orElseThrow().role()).isEqualTo(Role.SUPERVISOR);
    }

    private static UUID insertAlert(UUID ruleId) {
        UUID id = UUID.randomUUID();
        core.database().withConnection(connection -> {
            try (var statement = connection.prepareStatement("INSERT INTO alert (id, rule_id, evidence_key, severity, "
                    + "title, evidence, status, raised_at) VALUES (?, ?, ?, 'HIGH', 'Thefts up', '{}', 'OPEN', CURRENT_TIMESTAMP)")) {
                statement.setObject(1, id);
                statement.setObject(2, ruleId);
                statement.setString(3, id.toString());
                return statement.executeUpdate();
            }
        });
        return id;
    }
}
