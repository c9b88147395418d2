package org.khareetaty.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.DataFolder;
import org.khareetaty.core.CoreServices;
import org.khareetaty.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 10,000 changes synced while the client JVM is killed with SIGKILL at random moments and a proxy drops,
 * resets and stalls the connection: the server ends with exactly the workstation's content, nothing lost,
 * nothing twice.
 */
class SyncChaosTest {

    private static final Logger LOG = LoggerFactory.getLogger(SyncChaosTest.class);
    private static final int KILLS = 8;

    @Test
    void tenThousandChangesSurviveKillsAndCutConnections(@TempDir Path folder) throws Exception {
        try (PostgresServer server = PostgresServer.start();
                ChaosProxy proxy = new ChaosProxy(server.port(), 42)) {
            ServerConfig direct = server.freshDatabase("chaos");
            ServerConfig viaProxy = new ServerConfig("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/chaos",
                    direct.username(), direct.password(), direct.caFile(), ServerConfig.TlsMode.VERIFY_FULL);
            long t0 = System.nanoTime();
            ContentHash expected;
            long changes;
            try (CoreServices core = SyncTestData.workstation(folder.resolve("ws"), viaProxy, "chaos")) {
                changes = makeTenThousandChanges(core.database());
                expected = SyncTestData.localHash(core.database());
            }
            assertThat(changes).isEqualTo(10_000);
            long t1 = System.nanoTime();

            proxy.chaos(true);
            Random random = new Random(7);
            Path log = folder.resolve("worker.log");
            int killed = 0;
            for (int round = 0; round < KILLS; round++) {
                Process worker = startWorker(folder.resolve("ws"), log);
                boolean finished = worker.waitFor(800 + random.nextInt(3500), TimeUnit.MILLISECONDS);
                if (!finished) {
                    worker.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no clean close
                    killed++;
                }
            }
            long t2 = System.nanoTime();
            Process last = startWorker(folder.resolve("ws"), log);
            boolean done = last.waitFor(240, TimeUnit.SECONDS);
            if (!done) {
                last.destroyForcibly().waitFor();
            }
            String output = Files.exists(log) ? Files.readString(log) : "";
            assertThat(done).as("final worker finished; log:\n%s", tail(output)).isTrue();
            assertThat(last.exitValue()).as("worker exit; log:\n%s", tail(output)).isZero();
            LOG.warn("chaos: {} kills, {} drops, {} resets, {} stalls; setup {} s, kill rounds {} s, final run {} s",
                    killed, proxy.drops.get(), proxy.resets.get(), proxy.stalls.get(), (t1 - t0) / 1_000_000_000,
                    (t2 - t1) / 1_000_000_000, (System.nanoTime() - t2) / 1_000_000_000);
            LOG.warn("worker log tail:\n{}", tail(output).lines().filter(l -> l.contains("DONE") || l.contains("cut"))
                    .reduce("", (x, y) -> x + "\n" + y));
            assertThat(killed).as("the client was killed mid-sync").isPositive();
            assertThat(proxy.drops.get() + proxy.resets.get() + proxy.stalls.get()).isPositive();

            ContentHash onServer = SyncTestData.serverHash(direct);
            assertThat(onServer).isEqualTo(expected);
            try (Connection pg = ServerConnector.connect(direct); Statement statement = pg.createStatement()) {
                for (SyncEntity entity : SyncEntity.values()) {
                    try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) - COUNT(DISTINCT id) FROM "
                            + entity.table())) {
                        rs.next();
                        assertThat(rs.getLong(1)).as("duplicate ids in %s", entity.table()).isZero();
                    }
                }
                try (ResultSet rs = statement.executeQuery(
                        "SELECT COUNT(*) FROM (SELECT source_key FROM incident GROUP BY source_key HAVING COUNT(*) > 1) d")) {
                    rs.next();
                    assertThat(rs.getLong(1)).isZero();
                }
            }
            try (CoreServices core = CoreServices.open(new DataFolder(folder.resolve("ws")))) {
                assertThat(core.sync().status().pendingChanges()).as("lost changes").isZero();
                assertThat(SyncTestData.localHash(core.database())).isEqualTo(expected);
            }
        }
    }

    private static String tail(String text) {
        return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    }

    private static Process startWorker(Path folder, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                SyncChaosWorker.class.getName(), folder.toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder.start();
    }

    /** 4,000 imported incidents plus 6,000 logged edits: rules, alerts, status changes with actions, field edits. */
    private static long makeTenThousandChanges(Database database) {
        SyncTestData.importIncidents(database, 4000, 99);
        List<UUID> rules = new ArrayList<>();
        List<UUID> alerts = new ArrayList<>();
        // Many small transactions like an analyst's, grouped by 100 so the set-up stays quick.
        database.inTransaction(connection -> {
            for (int i = 0; i < 100; i++) {
                rules.add(SyncTestData.rule(connection, "Rule " + i));
            }
            return null;
        });
        for (int from = 0; from < 1000; from += 100) {
            int start = from;
            database.inTransaction(connection -> {
                for (int i = start; i < start + 100; i++) {
                    alerts.add(SyncTestData.alert(connection, rules.get(i % rules.size()), "evidence-" + i));
                }
                return null;
            });
        }
        String[] statuses = {"ACKNOWLEDGED", "ASSIGNED", "RESOLVED", "OPEN"};
        for (int from = 0; from < 2000; from += 100) {
            int start = from;
            database.inTransaction(connection -> {
                for (int i = start; i < start + 100; i++) {
                    SyncTestData.setAlertStatus(connection, alerts.get(i % alerts.size()),
                            statuses[i / 1000 % statuses.length], "analyst" + (i % 7));
                }
                return null;
            });
        }
        for (int from = 0; from < 900; from += 100) {
            int start = from;
            database.inTransaction(connection -> {
                for (int i = start; i < start + 100; i++) {
                    SyncTestData.editIncidentText(connection, new UUID(99, i * 4L), "address", "Edited address " + i);
                }
                return null;
            });
        }
        return 4000 + database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT COUNT(*) FROM sync_change WHERE operation <> 'UPSERT_BATCH'");
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
