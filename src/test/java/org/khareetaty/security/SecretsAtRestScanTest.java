package org.khareetaty.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.alerts.AlertSettings;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.report.export.ExportFormat;
import org.khareetaty.store.TestIncidents;
import org.khareetaty.sync.ServerConfig;
import org.slf4j.LoggerFactory;

/**
 * Issue 12: after credentials are stored, used and failed with, backups made, data and the audit log exported, all
 * with logging at DEBUG, no file in the data folder, its logs or the exports holds a credential in plain text
 * (UTF-8 or UTF-16, also inside .gz and .zip files), and the canary incident appears nowhere outside the live
 * database file except in the unencrypted export made on purpose. (The live database file is not encrypted by the
 * app: see ADR 0101; that is why the workstation needs full-disk encryption.)
 */
class SecretsAtRestScanTest {

    private static final String TWILIO_TOKEN = "twcanary0f3a9c77e1d2";
    private static final String SYNC_PASSWORD = "pgcanary5d2b81aa90";
    private static final String ADMIN_PASSWORD = "admincanary44-kuwait";
    private static final String BACKUP_PASSPHRASE = "backupcanary19-phrase";
    private static final String INCIDENT_CANARY = "CANARY-INCIDENT-7c41e9";

    @TempDir
    Path root;

    @Test
    void noPlaintextSecretOrCanaryInTheDataFolderLogsOrExports() throws Exception {
        DataFolder data = new DataFolder(root.resolve("data"));
        Path exports = root.resolve("exports");
        Files.createDirectories(exports);
        Files.createDirectories(data.logs());
        Path log = data.logs().resolve("khareetaty.log");
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Level rootLevel = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel();
        Level ourLevel = logging.getLogger("org.khareetaty").getLevel();
        FileAppender<ILoggingEvent> appender = debugLogTo(log);
        try (CoreServices core = CoreServices.open(data)) {
            assertThat(LoggerFactory.getLogger(CoreServices.class).isDebugEnabled()).isTrue();
            core.users().create(Principal.BOOTSTRAP, "ada", "Ada", Role.ADMINISTRATOR, ADMIN_PASSWORD.toCharArray());
            Principal ada = core.users().signIn("ada", ADMIN_PASSWORD.toCharArray());
            List<TestIncidents.Incident> incidents = new ArrayList<>(TestIncidents.random(50, 3));
            incidents.add(new TestIncidents.Incident(UUID.randomUUID(), INCIDENT_CANARY, Instant.parse("2024-05-05T10:00:00Z"),
                    "THEFT", -75.16, 39.95));
            TestIncidents.insert(core.database(), incidents, ZoneId.of("America/New_York"));

            core.alerts().configureTwilio(ada, "AC0123456789", "+15550001111", "", TWILIO_TOKEN);
            core.settings().setFromText(AlertSettings.TWILIO_API_BASE, "http://127.0.0.1:9");
            core.sync().configure(ada, "jdbc:postgresql://127.0.0.1:9/khareetaty", "workstation", SYNC_PASSWORD, null,
                    ServerConfig.TlsMode.DISABLED_LOOPBACK_ONLY, 15, true, "ws-1");
            assertThat(core.alerts().configurationProblems()).isEmpty();
            assertThat(core.sync().serverConfig().orElseThrow().password()).isEqualTo(SYNC_PASSWORD);
            assertThatThrownBy(() -> core.sync().sync(ada, TaskContext.NONE)).isInstanceOf(RuntimeException.class);
            core.alerts().sender().sendDue(TaskContext.NONE);

            core.backups().create(ada, BACKUP_PASSPHRASE.toCharArray());
            core.exporter().exportIncidents(ada, IncidentFilter.ALL, ExportFormat.CSV, exports.resolve("incidents.csv"),
                    TaskContext.NONE);
            core.audit().export(ada, exports.resolve("audit.tsv"));
            core.audit().export(ada, exports.resolve("audit.jsonl"));
            core.alerts().rules().exportTo(ada, exports.resolve("rules.yaml"));
        } finally {
            appender.stop();
            logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(rootLevel);
            logging.getLogger("org.khareetaty").setLevel(ourLevel);
        }
        assertThat(Files.readString(log)).as("the log saw the failed sync and the stored settings")
                .contains("Sync failed").contains("Sync settings saved");
        gzip(log, data.logs().resolve("khareetaty.2026-11-21.0.log.gz"));

        Map<String, byte[]> files = AtRestScan.files(root, data.root(), exports);
        assertThat(files.keySet()).as("scanned").anyMatch(name -> name.contains("backups") && name.endsWith(".zip.enc"))
                .anyMatch(name -> name.endsWith(".log.gz!")).anyMatch(name -> name.endsWith("secrets.vault"));

        for (String secret : List.of(TWILIO_TOKEN, SYNC_PASSWORD, ADMIN_PASSWORD, BACKUP_PASSPHRASE)) {
            assertThat(AtRestScan.filesContaining(files, secret)).as("files holding " + secret).isEmpty();
        }
        List<String> canary = AtRestScan.filesContaining(files, INCIDENT_CANARY);
        assertThat(canary).as("the scanner finds the canary where it is meant to be in the clear")
                .anyMatch(name -> name.endsWith("khareetaty.mv.db")).anyMatch(name -> name.endsWith("incidents.csv"));
        canary.removeIf(name -> name.endsWith("khareetaty.mv.db") || name.endsWith("incidents.csv"));
        assertThat(canary).as("the canary outside the live database and the plain export").isEmpty();
    }

    private static FileAppender<ILoggingEvent> debugLogTo(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %-5level [%thread] %logger - %msg%n%ex");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger rootLogger = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLogger.addAppender(appender);
        rootLogger.setLevel(Level.DEBUG);
        context.getLogger("org.khareetaty").setLevel(Level.DEBUG);
        return appender;
    }

    private static void gzip(Path source, Path target) throws IOException {
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, out);
        }
    }
}
