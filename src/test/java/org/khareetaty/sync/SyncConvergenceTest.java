package org.khareetaty.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.khareetaty.sync.SyncTestData.serverHash;
import static org.khareetaty.sync.SyncTestData.localHash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.Principal;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.store.Database;
import org.khareetaty.store.TestIncidents;

/** Two workstations editing and syncing in turns against a real PostgreSQL/PostGIS server. */
class SyncConvergenceTest {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
        assertThat(ServerConnector.initSchema(server.config())).isPositive();
        assertThat(ServerConnector.initSchema(server.config())).as("init is idempotent").isZero();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoWorkstationsConvergeAndConflictRulesApply(@TempDir Path a, @TempDir Path b) throws Exception {
        ServerConfig db = server.freshDatabase("converge");
        try (CoreServices ws1 = SyncTestData.workstation(a, db, "A");
                CoreServices ws2 = SyncTestData.workstation(b, db, "B")) {
            assertThat(ws1.sync().testConnection(db)).contains("PostGIS 3").contains("certificate verified");

            SyncTestData.importIncidents(ws1.database(), 500, 7);
            UUID rule = SyncTestData.rule(ws1.database(), "Burglary spike");
            UUID alert1 = SyncTestData.alert(ws1.database(), rule, "e1");
            UUID alert2 = SyncTestData.alert(ws1.database(), rule, "e2");
            SyncReport first = ws1.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            assertThat(first.pendingAfter()).isZero();
            ws2.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            assertThat(localHash(ws2.database())).isEqualTo(localHash(ws1.database())).isEqualTo(serverHash(db));
            assertThat(localHash(ws2.database()).rows().get("incident")).isEqualTo(500);

            UUID x = new UUID(7, 1);
            UUID y = new UUID(7, 2);
            // Concurrent edits of the same fields: B first in time, A later -> A's address wins on x.
            SyncTestData.editIncidentText(ws2.database(), x, "address", "B address x");
            // y: A edits first, B later -> B's value must win even though A pushes last.
            SyncTestData.editIncidentText(ws1.database(), y, "address", "A address y");
            Thread.sleep(20);
            SyncTestData.editIncidentText(ws2.database(), y, "address", "B address y");
            SyncTestData.editIncidentText(ws2.database(), x, "category_code", "B_CATEGORY");
            SyncTestData.setAlertStatus(ws2.database(), alert1, "ACKNOWLEDGED", "bob");
            SyncTestData.setAlertStatus(ws2.database(), alert2, "RESOLVED", "bob");
            Thread.sleep(20);
            SyncTestData.editIncidentText(ws1.database(), x, "address", "A address x");
            SyncTestData.setAlertStatus(ws1.database(), alert1, "RESOLVED", "alice");
            SyncTestData.setAlertStatus(ws1.database(), alert2, "ACKNOWLEDGED", "alice");

            ws2.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            SyncReport aReport = ws1.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            ws2.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            ws1.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);

            ContentHash expected = serverHash(db);
            assertThat(localHash(ws1.database())).isEqualTo(expected);
            assertThat(localHash(ws2.database())).isEqualTo(expected);

            String address = "SELECT address FROM incident WHERE id = ?";
            String category = "SELECT category_code FROM incident WHERE id = ?";
            String status = "SELECT status FROM alert WHERE id = ?";
            assertThat(SyncTestData.text(ws2.database(), address, x)).isEqualTo("A address x");
            assertThat(SyncTestData.text(ws2.database(), category, x)).isEqualTo("B_CATEGORY");
            assertThat(SyncTestData.text(ws1.database(), address, y)).isEqualTo("B address y");
            assertThat(SyncTestData.text(ws1.database(), status, alert1)).isEqualTo("RESOLVED");
            assertThat(SyncTestData.text(ws2.database(), status, alert2)).isEqualTo("RESOLVED");
            assertThat(SyncTestData.text(ws1.database(), status, alert2)).isEqualTo("RESOLVED");

            assertThat(aReport.conflicts()).extracting(SyncConflict::field).contains("address", "status");
            assertThat(aReport.conflicts()).anySatisfy(c -> {
                assertThat(c.entityId()).isEqualTo(x);
                assertThat(c.keptValue()).isEqualTo("A address x");
                assertThat(c.discardedValue()).isEqualTo("B address x");
            });
            assertThat(aReport.conflicts()).anySatisfy(c -> {
                assertThat(c.entityId()).isEqualTo(y);
                assertThat(c.keptValue()).isEqualTo("B address y");
                assertThat(c.discardedValue()).isEqualTo("A address y");
            });
            assertThat(aReport.conflicts()).anySatisfy(c -> {
                assertThat(c.entityId()).isEqualTo(alert2);
                assertThat(c.keptValue()).isEqualTo("RESOLVED");
                assertThat(c.discardedValue()).isEqualTo("ACKNOWLEDGED");
            });
            assertThat(ws1.sync().status().conflictsTotal()).isGreaterThanOrEqualTo(3);
            // Both workstations' actions are kept: the alert history is complete on both.
            assertThat(localHash(ws1.database()).rows().get("alert_action")).isEqualTo(4);

            // A deletion travels too.
            ws1.database().inTransaction(connection -> {
                try (var statement = connection.prepareStatement("DELETE FROM alert_action WHERE username = 'alice'")) {
                    statement.executeUpdate();
                }
                return null;
            });
        }
    }

    @Test
    void pulledIncidentsAndAreasGetTheirAreaLinksOnTheReceivingWorkstation(@TempDir Path a, @TempDir Path b)
            throws Exception {
        ServerConfig db = server.freshDatabase("derived");
        try (CoreServices ws1 = SyncTestData.workstation(a, db, "A");
                CoreServices ws2 = SyncTestData.workstation(b, db, "B")) {
            SyncTestData.importIncidents(ws1.database(), 300, 5);
            double[] box = ws1.database().withConnection(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT MIN(lon), MIN(lat), AVG(lon), AVG(lat) FROM incident");
                        ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
                }
            });
            TestIncidents.insertBoxArea(ws1.database(), "district", "D1", box[0], box[1], box[2], box[3]);
            ws1.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            ws2.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            // Links are derived on B from the pulled area and incidents (they are not synced).
            assertThat(linked(ws2.database())).isNotEmpty().isEqualTo(inBox(ws2.database(), box))
                    .isEqualTo(linked(ws1.database()));

            // Incidents pulled later are linked to the area B already has.
            SyncTestData.importIncidents(ws1.database(), 100, 6);
            ws1.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            ws2.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            Set<UUID> expected = inBox(ws2.database(), box);
            assertThat(expected).hasSizeGreaterThan(linked(ws1.database()).size());
            assertThat(linked(ws2.database())).isEqualTo(expected);
        }
    }

    private static Set<UUID> linked(Database database) {
        return ids(database, "SELECT incident_id FROM incident_area WHERE kind = 'district'");
    }

    private static Set<UUID> inBox(Database database, double[] box) {
        return ids(database, "SELECT id FROM incident WHERE lon BETWEEN " + box[0] + " AND " + box[2]
                + " AND lat BETWEEN " + box[1] + " AND " + box[3]);
    }

    private static Set<UUID> ids(Database database, String sql) {
        return database.withConnection(connection -> {
            Set<UUID> ids = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    @Test
    void replayingAPushBatchChangesNothing(@TempDir Path a) throws Exception {
        ServerConfig db = server.freshDatabase("replay");
        try (CoreServices ws = SyncTestData.workstation(a, db, "R")) {
            SyncTestData.importIncidents(ws.database(), 200, 11);
            UUID rule = SyncTestData.rule(ws.database(), "Replay rule");
            UUID alert = SyncTestData.alert(ws.database(), rule, "r1");
            SyncTestData.setAlertStatus(ws.database(), alert, "ACKNOWLEDGED", "carol");
            // The per-row path: the rule, the alert and its action (the import batch's bulk chunk goes first).
            var items = ws.database().withConnection(connection -> {
                LocalStore.queueInitial(connection);
                LocalStore.Batch bulk = LocalStore.nextBatch(connection, 2000, 50_000);
                assertThat(bulk.inflight().bulk()).isTrue();
                LocalStore.acknowledge(connection, bulk.inflight(), new PushResult(0, 0, 0, java.util.List.of(), false),
                        50_000, java.time.Instant.now());
                return LocalStore.nextBatch(connection, 2000, 50_000).items();
            });
            assertThat(items).extracting(PushItem::entity)
                    .contains(SyncEntity.ALERT_RULE, SyncEntity.ALERT, SyncEntity.ALERT_ACTION);
            UUID pushId = UUID.randomUUID();
            UUID me = UUID.randomUUID();
            try (Connection pg = ServerConnector.connect(db)) {
                ServerStore.register(pg, me, "R");
                PushResult first = ServerStore.push(pg, me, 0, pushId, items);
                assertThat(first.replay()).isFalse();
                ContentHash before = ContentHash.of(pg, true);
                long seq = ServerStore.maxSeq(pg);
                for (int replay = 1; replay <= 5; replay++) {
                    PushResult again = ServerStore.push(pg, me, 0, pushId, items);
                    assertThat(again.replay()).isTrue();
                    assertThat(again.applied()).isEqualTo(first.applied());
                    assertThat(ContentHash.of(pg, true)).isEqualTo(before);
                    assertThat(ServerStore.maxSeq(pg)).isEqualTo(seq);
                }
            }
        }
    }
}
