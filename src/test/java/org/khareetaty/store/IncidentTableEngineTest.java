package org.khareetaty.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.TaskContext;

/** The incident table engine (ADR 0013) against plain SQL: visibility, edits, counts, order, areas, persistence. */
class IncidentTableEngineTest {

    private static final UUID AREA_WEST = UUID.randomUUID();
    private static final UUID AREA_EAST = UUID.randomUUID();

    @TempDir
    Path dir;
    private Database database;
    private UUID batch;
    private UUID block;

    @BeforeEach
    void setUp() {
        database = TestDatabases.open(dir.resolve("db"));
        batch = UUID.randomUUID();
        block = IncidentBlocks.newBlockId(0x0123456789ab7000L, 0);
        database.inTransaction(connection -> {
            insertBatch(connection, batch);
            IncidentBlocks.write(connection, block, IncidentBlocks.nextFirstRow(connection), batch, null,
                    "America/New_York", OffsetDateTime.now(ZoneOffset.UTC), block(6));
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    /** Six incidents on six days, alternately west (lon -1) and east (lon +1), the last without a location. */
    private static IncidentBlock block(int n) {
        String[] keys = new String[n];
        long[] hashes = new long[n];
        long[] lines = new long[n];
        long[] seconds = new long[n];
        int[] days = new int[n];
        byte[] hours = new byte[n];
        byte[] dows = new byte[n];
        String[] categories = new String[n];
        String[] sources = new String[n];
        String[] addresses = new String[n];
        double[] lon = new double[n];
        double[] lat = new double[n];
        int[] codes = new int[n];
        for (int i = 0; i < n; i++) {
            // Days in reverse order so that block order is not date order.
            days[i] = 19_000 + (n - i) * 2;
            seconds[i] = days[i] * 86_400L + 3_600L * i;
            keys[i] = "K" + i;
            hashes[i] = 1000 + i;
            lines[i] = i + 2;
            hours[i] = (byte) i;
            dows[i] = (byte) (1 + i % 7);
            categories[i] = i % 2 == 0 ? "theft" : "assault";
            sources[i] = "Source " + categories[i];
            addresses[i] = i == 1 ? null : i + " MAIN ST";
            boolean located = i < n - 1;
            lon[i] = located ? (i % 2 == 0 ? -1.0 : 1.0) : Double.NaN;
            lat[i] = located ? 0.5 : Double.NaN;
            codes[i] = located ? (i % 2 == 0 ? 0 : 1) : -1;
        }
        return new IncidentBlock(n, keys, hashes, lines, seconds, new String[n], days, hours, dows, categories, sources,
                addresses, lon, lat, new String[] {"district"}, new UUID[][] {{AREA_WEST, AREA_EAST}}, new int[][] {codes});
    }

    private static void insertBatch(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO import_batch (id, started_at, status) VALUES (?, CURRENT_TIMESTAMP, 'COMPLETE')")) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }

    private long count(String sql) {
        return database.withConnection(connection -> count(connection, sql));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String sql) {
        return database.withConnection(connection -> {
            List<String> values = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }

    private static UUID rowId(UUID blockId, int row) {
        return new UUID(blockId.getMostSignificantBits(), blockId.getLeastSignificantBits() | row);
    }

    @Test
    void blocksRoundTripWithNarrowAndWideColumns() {
        IncidentBlock original = block(300);
        original.line[7] = 5_000_000_000L; // wider than an int offset: the column is written with 8-byte values
        original.epochSecond[3] = -2_000_000_000L;
        original.timeFlag[4] = "AMBIGUOUS";
        IncidentBlock decoded = IncidentBlock.decode(original.encode());
        assertThat(decoded.size).isEqualTo(300);
        assertThat(decoded.sourceKey).containsExactly(java.util.Arrays.copyOf(original.sourceKey, 300));
        assertThat(decoded.line).containsExactly(original.line);
        assertThat(decoded.epochSecond).containsExactly(original.epochSecond);
        assertThat(decoded.timeFlag).containsExactly(original.timeFlag);
        assertThat(decoded.address).containsExactly(original.address);
        assertThat(decoded.lon).containsExactly(original.lon);
        assertThat(decoded.areaCodes[0]).containsExactly(original.areaCodes[0]);
        assertThat(decoded.areaIds[0]).containsExactly(original.areaIds[0]);
    }

    @Test
    void blockRowsReadLikeStoredRows() {
        assertThat(count("SELECT COUNT(*) FROM incident")).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM incident WHERE geom IS NOT NULL")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM incident WHERE category_code = 'theft'")).isEqualTo(3);
        assertThat(strings("SELECT source_key FROM incident WHERE id = '" + rowId(block, 3) + "'")).containsExactly("K3");
        assertThat(strings("SELECT address FROM incident WHERE source_key = 'K1'")).containsExactly((String) null);
        assertThat(strings("SELECT CAST(local_date AS VARCHAR) || ' ' || CAST(occurred_at AS VARCHAR) FROM incident "
                + "WHERE source_key = 'K2'")).containsExactly("2022-01-16 2022-01-16 02:00:00+00");
        assertThat(strings("SELECT ST_AsText(geom) FROM incident WHERE source_key = 'K0'")).containsExactly("POINT (-1 0.5)");
        assertThat(count("SELECT COUNT(*) FROM incident i JOIN import_batch b ON b.id = i.batch_id")).isEqualTo(6);
    }

    @Test
    void orderAndGroupingDoNotTrustBlockOrder() {
        assertThat(strings("SELECT source_key FROM incident WHERE local_date >= DATE '2022-01-01' ORDER BY local_date"))
                .containsExactly("K5", "K4", "K3", "K2", "K1", "K0");
        assertThat(strings("SELECT COUNT(*) FROM incident GROUP BY category_code ORDER BY category_code"))
                .containsExactly("3", "3");
        assertThat(strings("SELECT source_key FROM incident WHERE local_date BETWEEN DATE '2022-01-12' AND DATE '2022-01-16' "
                + "ORDER BY occurred_at DESC")).containsExactly("K2", "K3", "K4");
    }

    @Test
    void uncommittedBlocksAreVisibleOnlyToTheirTransactionAndRollBack() throws Exception {
        UUID second = IncidentBlocks.newBlockId(0x0123456789ab7000L, 6);
        try (Connection writer = database.dataSource().getConnection()) {
            writer.setAutoCommit(false);
            IncidentBlocks.write(writer, second, IncidentBlocks.nextFirstRow(writer), batch, null, "UTC",
                    OffsetDateTime.now(ZoneOffset.UTC), block(4));
            assertThat(count(writer, "SELECT COUNT(*) FROM incident")).isEqualTo(10);
            assertThat(count("SELECT COUNT(*) FROM incident")).isEqualTo(6);
            writer.rollback();
            assertThat(count(writer, "SELECT COUNT(*) FROM incident")).isEqualTo(6);
        }
    }

    @Test
    void minAndMaxOfTheLocalDateComeFromTheBlocksAndSkipDeletedRows() {
        // Block 1 (setUp): K0..K5 from 2022-01-20 back to 01-10. Block 2, written later: four from 01-16 to 01-10.
        UUID second = IncidentBlocks.newBlockId(0x0123456789ab7000L, 6);
        database.inTransaction(connection -> {
            IncidentBlocks.write(connection, second, IncidentBlocks.nextFirstRow(connection), batch, null, "UTC",
                    OffsetDateTime.now(ZoneOffset.UTC), block(4));
            return null;
        });
        String quick = "SELECT CAST(MIN(local_date) AS VARCHAR) || ' ' || CAST(MAX(local_date) AS VARCHAR) FROM incident";
        String scanned = quick + " WHERE source_key IS NOT NULL";
        assertThat(strings("EXPLAIN " + quick).get(0)).contains("direct lookup");
        assertThat(strings(quick)).containsExactly("2022-01-10 2022-01-20").isEqualTo(strings(scanned));

        database.withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                // The latest day (K0 of block 1) and every row of the earliest day (K5 and the second block's K3).
                statement.executeUpdate("DELETE FROM incident WHERE local_date IN (DATE '2022-01-20', DATE '2022-01-10')");
            }
            return null;
        });
        assertThat(strings(quick)).containsExactly("2022-01-12 2022-01-18").isEqualTo(strings(scanned));

        database.withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                // An edited row moves to the row table; an earlier date there must win.
                statement.executeUpdate("UPDATE incident SET local_date = DATE '2021-12-31' WHERE source_key = 'K2' "
                        + "AND id = '" + rowId(block, 2) + "'");
            }
            return null;
        });
        assertThat(strings(quick)).containsExactly("2021-12-31 2022-01-18").isEqualTo(strings(scanned));
        database.withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM incident");
            }
            return null;
        });
        assertThat(strings("SELECT MIN(local_date) FROM incident")).containsExactly((String) null);
    }

    @Test
    void deletesAndUpdatesOfBlockRowsAreTombstonesAndRowTableRows() {
        database.withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM incident WHERE source_key = 'K0'");
                statement.executeUpdate("UPDATE incident SET address = 'EDITED' WHERE id = '" + rowId(block, 2) + "'");
                statement.executeUpdate("DELETE FROM incident_area WHERE incident_id = '" + rowId(block, 1) + "'");
            }
            return null;
        });
        assertThat(count("SELECT COUNT(*) FROM incident")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM incident WHERE source_key = 'K0'")).isZero();
        assertThat(strings("SELECT address FROM incident WHERE id = '" + rowId(block, 2) + "'")).containsExactly("EDITED");
        assertThat(strings("SELECT address FROM incident WHERE source_key = 'K2'")).containsExactly("EDITED");
        assertThat(count("SELECT COUNT(*) FROM incident_row")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM incident_gone")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM incident_area WHERE incident_id = '" + rowId(block, 1) + "'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM incident_area")).isEqualTo(4);
    }

    @Test
    void areaLinksComeFromTheBlocksAndCanBeRelinked() {
        assertThat(count("SELECT COUNT(*) FROM incident_area")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM incident_area WHERE area_id = '" + AREA_WEST + "'")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM incident i JOIN incident_area ia ON ia.incident_id = i.id "
                + "AND ia.kind = 'district' WHERE ia.area_id = '" + AREA_EAST + "'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM incident i WHERE EXISTS (SELECT 1 FROM incident_area ia "
                + "WHERE ia.incident_id = i.id AND ia.area_id IN ('" + AREA_EAST + "'))")).isEqualTo(2);
        UUID everywhere = UUID.randomUUID();
        long assigned = database.inTransaction(connection -> IncidentBlocks.relinkKind(connection, "tract",
                new IncidentBlocks.AreaLookup() {
                    @Override
                    public UUID[] areaIds() {
                        return new UUID[] {everywhere};
                    }

                    @Override
                    public int locate(double lon, double lat) {
                        return 0;
                    }
                }, TaskContext.NONE));
        assertThat(assigned).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM incident_area WHERE kind = 'tract'")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM incident_area")).isEqualTo(10);
        database.inTransaction(connection -> IncidentBlocks.relinkKind(connection, "district", null, TaskContext.NONE));
        assertThat(count("SELECT COUNT(*) FROM incident_area")).isEqualTo(5);
        assertThat(count("SELECT COUNT(*) FROM incident_area WHERE kind = 'district'")).isZero();
    }

    @Test
    void rowKeysFollowTheBlockSequenceAndBatchDeletesWholeBlocks() {
        assertThat(count("SELECT MIN(_ROWID_) FROM incident WHERE batch_id = '" + batch + "'"))
                .isLessThan(count("SELECT MAX(_ROWID_) FROM incident WHERE batch_id = '" + batch + "'"));
        assertThat(strings("SELECT source_key FROM incident WHERE batch_id = '" + batch + "' ORDER BY _ROWID_"))
                .containsExactly("K0", "K1", "K2", "K3", "K4", "K5");
        long removed = database.inTransaction(connection -> IncidentBlocks.deleteBatch(connection, batch));
        assertThat(removed).isEqualTo(6);
        assertThat(count("SELECT COUNT(*) FROM incident")).isZero();
        assertThat(count("SELECT COUNT(*) FROM incident_area")).isZero();
    }

    @Test
    void survivesReopenAndScriptExportAndRestore() throws Exception {
        database.close();
        database = Database.open(new DataFolder(dir.resolve("db")));
        assertThat(count("SELECT COUNT(*) FROM incident")).isEqualTo(6);
        Path script = dir.resolve("dump.sql");
        database.withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SCRIPT TO '" + script + "'");
            }
            return null;
        });
        String restoredUrl = "jdbc:h2:" + dir.resolve("restored/db");
        try (Connection restored = java.sql.DriverManager.getConnection(restoredUrl);
                Statement statement = restored.createStatement()) {
            assertThat(restored).isInstanceOf(JdbcConnection.class);
            statement.execute("RUNSCRIPT FROM '" + script + "'");
            assertThat(count(restored, "SELECT COUNT(*) FROM incident")).isEqualTo(6);
            assertThat(count(restored, "SELECT COUNT(*) FROM incident_area")).isEqualTo(5);
        }
    }
}
