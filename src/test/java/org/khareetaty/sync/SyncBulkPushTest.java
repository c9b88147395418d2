package org.khareetaty.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.khareetaty.sync.SyncTestData.localHash;
import static org.khareetaty.sync.SyncTestData.serverHash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.CancelledException;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.security.Principal;
import org.khareetaty.store.TestIncidents;

/** The bulk path of import batches (ADR 0093) against a real PostgreSQL/PostGIS server. */
class SyncBulkPushTest {

    private static final int CHUNK = 250;
    private static PostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
        ServerConnector.initSchema(server.config());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /** The workstation's sync service with small chunks, so a few hundred incidents make several chunks. */
    private static SyncService chunked(CoreServices core, int chunk) {
        return new SyncService(core.database(), core.settings(), core.secrets(), core.settingChanges(), core.audit(),
                Clock.systemUTC(), core.areas()::linkPulled, core.tasks(), 2000, chunk);
    }

    @Test
    void firstPushCopiesEveryIncidentOnceBuildsTheIndexesAndARerunAddsNothing(@TempDir Path a, @TempDir Path b)
            throws Exception {
        ServerConfig db = server.freshDatabase("bulkfirst");
        try (CoreServices ws1 = SyncTestData.workstation(a, db, "A");
                CoreServices ws2 = SyncTestData.workstation(b, db, "B")) {
            SyncTestData.importIncidents(ws1.database(), 700, 21);
            SyncTestData.importIncidents(ws1.database(), 300, 22);
            SyncService sync = chunked(ws1, CHUNK);

            SyncReport first = sync.sync(Principal.BOOTSTRAP, TaskContext.NONE);

            assertThat(first.pendingAfter()).isZero();
            // Chunks are row-key ranges of 250 within each import batch: at least 3 + 2 of them.
            assertThat(first.pushBatches()).isGreaterThanOrEqualTo(5);
            assertThat(first.pushedChanges()).as("each incident once, plus its import batch row per chunk")
                    .isEqualTo(1000 + first.pushBatches());
            ContentHash local = localHash(ws1.database());
            assertThat(serverHash(db)).isEqualTo(local);
            assertThat(local.rows().get("incident")).isEqualTo(1000);
            try (Connection pg = ServerConnector.connect(db)) {
                assertThat(count(pg, "SELECT COUNT(DISTINCT source_key) FROM incident")).isEqualTo(1000);
                // One change-cursor row per chunk, not per incident; every incident tagged with its chunk.
                assertThat(count(pg, "SELECT COUNT(*) FROM server_change WHERE entity = 'INCIDENT'")).isZero();
                assertThat(count(pg, "SELECT COUNT(*) FROM server_change WHERE entity = 'INCIDENT_BULK'"))
                        .isEqualTo(first.pushBatches());
                assertThat(count(pg, "SELECT COUNT(*) FROM incident WHERE bulk_seq IS NULL")).isZero();
                assertThat(count(pg, "SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'incident' AND indexname IN "
                        + "('incident_time', 'incident_batch', 'incident_geom', 'incident_bulk_seq')")).isEqualTo(4);
                long seq = ServerStore.maxSeq(pg);

                SyncReport again = sync.sync(Principal.BOOTSTRAP, TaskContext.NONE);
                assertThat(again.pushedChanges()).isZero();
                assertThat(ServerStore.maxSeq(pg)).isEqualTo(seq);
                assertThat(serverHash(db)).isEqualTo(local);
            }

            // Another workstation pulls the chunks whole.
            ws2.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            assertThat(localHash(ws2.database())).isEqualTo(local);
        }
    }

    @Test
    void aPushCancelledBetweenAndInsideChunksResumesWithoutDuplicatesOrLoss(@TempDir Path a) throws Exception {
        ServerConfig db = server.freshDatabase("bulkcancel");
        try (CoreServices ws = SyncTestData.workstation(a, db, "C")) {
            SyncTestData.importIncidents(ws.database(), 900, 31);
            SyncService sync = chunked(ws, CHUNK);

            // Cancelled after two chunks were acknowledged.
            AtomicInteger progress = new AtomicInteger();
            assertThatThrownBy(() -> sync.sync(Principal.BOOTSTRAP, cancelWhen(() -> progress.get() >= 2, progress)))
                    .isInstanceOf(CancelledException.class);
            assertThat(serverIncidents(db)).isEqualTo(2 * CHUNK);
            assertThat(ws.sync().status().lastRun().outcome()).isEqualTo("CANCELLED");

            SyncReport resumed = sync.sync(Principal.BOOTSTRAP, TaskContext.NONE);
            assertThat(resumed.pendingAfter()).isZero();
            assertThat(serverIncidents(db)).isEqualTo(900);
            assertThat(serverHash(db)).isEqualTo(localHash(ws.database()));

            // Cancelled in the middle of a chunk's COPY: the chunk is rolled back whole, then sent again.
            SyncTestData.importIncidents(ws.database(), 12_000, 32);
            SyncService big = chunked(ws, 20_000);
            AtomicInteger checks = new AtomicInteger();
            assertThatThrownBy(() -> big.sync(Principal.BOOTSTRAP, cancelWhen(() -> checks.incrementAndGet() > 2,
                    new AtomicInteger()))).isInstanceOf(CancelledException.class);
            assertThat(checks.get()).as("cancel was checked while the rows streamed").isGreaterThan(2);
            assertThat(serverIncidents(db)).isEqualTo(900);

            big.sync(Principal.BOOTSTRAP, TaskContext.NONE);
            assertThat(serverIncidents(db)).isEqualTo(12_900);
            assertThat(serverHash(db)).isEqualTo(localHash(ws.database()));
        }
    }

    @Test
    void aChunkAppliedOnTheServerButNotAcknowledgedIsAReplay(@TempDir Path a) throws Exception {
        ServerConfig db = server.freshDatabase("bulkreplay");
        try (CoreServices ws = SyncTestData.workstation(a, db, "R")) {
            SyncTestData.importIncidents(ws.database(), 600, 41);
            LocalStore.Batch batch = ws.database().inTransaction(connection -> {
                LocalStore.queueInitial(connection);
                return LocalStore.nextBatch(connection, 2000, CHUNK);
            });
            assertThat(batch.inflight().bulk()).isTrue();
            ChunkRows rows = sink -> ws.database().withConnection(connection -> {
                LocalStore.streamChunk(connection, batch.inflight(), sink);
                return null;
            });
            UUID me = ws.database().withConnection(LocalStore::workstationId);
            try (Connection pg = ServerConnector.connect(db)) {
                ServerStore.register(pg, me, "R");
                // The server applies the chunk; the workstation is "killed" before it acknowledges.
                PushResult first = ServerStore.pushChunk(pg, me, 0, batch.inflight().pushId(), batch.items(), rows,
                        new SyncPhases());
                assertThat(first.replay()).isFalse();
                assertThat(first.applied()).isEqualTo(CHUNK + 1);
                ContentHash before = ContentHash.of(pg, true);
                long seq = ServerStore.maxSeq(pg);
                for (int replay = 1; replay <= 3; replay++) {
                    PushResult again = ServerStore.pushChunk(pg, me, 0, batch.inflight().pushId(), batch.items(), rows,
                            new SyncPhases());
                    assertThat(again.replay()).isTrue();
                    assertThat(ContentHash.of(pg, true)).isEqualTo(before);
                    assertThat(ServerStore.maxSeq(pg)).isEqualTo(seq);
                }
            }
            // The next sync resends the in-flight chunk under its id (a replay), then the rest.
            SyncReport report = chunked(ws, CHUNK).sync(Principal.BOOTSTRAP, TaskContext.NONE);
            assertThat(report.replayedBatches()).isEqualTo(1);
            assertThat(serverIncidents(db)).isEqualTo(600);
            assertThat(serverHash(db)).isEqualTo(localHash(ws.database()));
        }
    }

    @Test
    void incrementalSyncAfterBulkPushesMergesEditsAndKeepsDuplicateSourceKeysOnce(@TempDir Path a, @TempDir Path b)
            throws Exception {
        ServerConfig db = server.freshDatabase("bulkthen");
        try (CoreServices ws1 = SyncTestData.workstation(a, db, "A");
                CoreServices ws2 = SyncTestData.workstation(b, db, "B")) {
            SyncTestData.importIncidents(ws1.database(), 400, 51);
            chunked(ws1, CHUNK).sync(Principal.BOOTSTRAP, TaskContext.NONE);
            // B imported the same source rows under its own ids: its chunk cannot be COPYed and is merged.
            List<TestIncidents.Incident> same = new ArrayList<>();
            for (TestIncidents.Incident incident : TestIncidents.random(100, 51)) {
                same.add(new TestIncidents.Incident(UUID.randomUUID(), incident.sourceKey(), incident.occurredAt(),
                        incident.category(), incident.lon(), incident.lat()));
            }
            UUID batch = TestIncidents.insert(ws2.database(), same, ZoneId.of("America/New_York"));
            ws2.database().inTransaction(connection -> {
                ChangeLog.recordImportBatch(connection, batch);
                return null;
            });
            SyncReport bFirst = chunked(ws2, CHUNK).sync(Principal.BOOTSTRAP, TaskContext.NONE);
            assertThat(bFirst.duplicatesMerged()).isEqualTo(100);
            assertThat(serverIncidents(db)).isEqualTo(400);

            // Concurrent field edits of bulk-loaded incidents: per field, the later edit wins on both sides.
            UUID x = new UUID(51, 200); // not among the 100 duplicates: B has it from the pull
            UUID y = new UUID(51, 201);
            SyncTestData.editIncidentText(ws2.database(), x, "address", "B address x");
            SyncTestData.editIncidentText(ws1.database(), y, "address", "A address y");
            Thread.sleep(20);
            SyncTestData.editIncidentText(ws2.database(), y, "address", "B address y");
            SyncTestData.editIncidentText(ws1.database(), x, "address", "A address x");
            SyncTestData.editIncidentText(ws1.database(), x, "category_code", "A_CATEGORY");
            SyncReport bEdits = ws2.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            SyncReport aEdits = ws1.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            ws2.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE);
            assertThat(bEdits.pushedChanges()).isEqualTo(2);
            assertThat(aEdits.pushedChanges()).isEqualTo(2);

            String address = "SELECT address FROM incident WHERE id = ?";
            assertThat(SyncTestData.text(ws2.database(), address, x)).isEqualTo("A address x");
            assertThat(SyncTestData.text(ws1.database(), address, y)).isEqualTo("B address y");
            assertThat(SyncTestData.text(ws2.database(), "SELECT category_code FROM incident WHERE id = ?", x))
                    .isEqualTo("A_CATEGORY");
            assertThat(aEdits.conflicts()).anySatisfy(c -> {
                assertThat(c.entityId()).isEqualTo(y);
                assertThat(c.keptValue()).isEqualTo("B address y");
                assertThat(c.discardedValue()).isEqualTo("A address y");
            });
            ContentHash expected = serverHash(db);
            assertThat(localHash(ws1.database()).hashes().get("incident")).isEqualTo(expected.hashes().get("incident"));
            // B keeps its own copies of the 100 duplicates and pulled A's other 300.
            assertThat(localHash(ws2.database()).rows().get("incident")).isEqualTo(400);
        }
    }

    private static TaskContext cancelWhen(java.util.function.BooleanSupplier cancelled, AtomicInteger progress) {
        return new TaskContext() {
            @Override
            public void progress(long done, long total, String message) {
                progress.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }

    private static long serverIncidents(ServerConfig db) throws SQLException {
        try (Connection pg = ServerConnector.connect(db)) {
            assertThat(count(pg, "SELECT COUNT(*) - COUNT(DISTINCT id) FROM incident")).as("duplicate ids").isZero();
            assertThat(count(pg, "SELECT COUNT(*) - COUNT(DISTINCT source_key) FROM incident"))
                    .as("duplicate source keys").isZero();
            return count(pg, "SELECT COUNT(*) FROM incident");
        }
    }

    @Test
    void aServerWithAnOlderOrMissingSchemaIsRefusedBeforeAnythingIsSent(@TempDir Path a) throws Exception {
        int highestBundled;
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/server"))) {
            highestBundled = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        assertThat(ServerConnector.SERVER_SCHEMA_VERSION).as("the version sync requires is the newest bundled one")
                .isEqualTo(highestBundled);

        ServerConfig older = server.freshDatabase("olderschema");
        try (Connection pg = ServerConnector.connect(older); Statement statement = pg.createStatement()) {
            statement.execute("DELETE FROM flyway_schema_history WHERE version = '" + highestBundled + "'");
        }
        try (CoreServices ws = SyncTestData.workstation(a, older, "A")) {
            SyncTestData.importIncidents(ws.database(), 50, 31);
            assertThatThrownBy(() -> ws.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE))
                    .hasMessageContaining("schema version " + (highestBundled - 1))
                    .hasMessageContaining("khareetaty server init");
            try (Connection pg = ServerConnector.connect(older)) {
                assertThat(count(pg, "SELECT COUNT(*) FROM incident")).isZero();
                assertThat(count(pg, "SELECT COUNT(*) FROM server_change")).isZero();
            }
            try (Connection pg = ServerConnector.connect(older); Statement statement = pg.createStatement()) {
                statement.execute("DROP TABLE flyway_schema_history");
            }
            assertThatThrownBy(() -> ws.sync().sync(Principal.BOOTSTRAP, TaskContext.NONE))
                    .hasMessageContaining("has no Khareetaty schema");
        }
    }

    private static long count(Connection pg, String sql) throws SQLException {
        try (Statement statement = pg.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
