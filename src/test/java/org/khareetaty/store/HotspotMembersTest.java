package org.khareetaty.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.DataFolder;

class HotspotMembersTest {

    @TempDir
    Path folder;

    @Test
    void membersComeBackSortedAndSelectExactlyTheirIncidentsInSql() throws Exception {
        try (Database database = TestDatabases.open(folder)) {
            List<TestIncidents.Incident> incidents = TestIncidents.random(300, 7);
            TestIncidents.insert(database, incidents, ZoneId.of("America/New_York"));
            List<UUID> members = new ArrayList<>();
            for (int i = 0; i < incidents.size(); i += 3) {
                members.add(incidents.get(i).id());
            }
            Collections.shuffle(members, new Random(1));
            UUID hotspot = database.inTransaction(connection -> insertHotspot(connection));
            database.inTransaction(connection -> {
                HotspotMembers.write(connection, hotspot, members.toArray(UUID[]::new));
                return null;
            });

            List<UUID> expected = new ArrayList<>(members);
            Collections.sort(expected);
            List<UUID> read = database.withConnection(connection -> HotspotMembers.read(connection, hotspot)).orElseThrow();
            assertThat(read).containsExactlyElementsOf(expected);
            List<UUID> selected = database.withConnection(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT i.id FROM incident i "
                        + "WHERE i.id IN (SELECT m.incident_id FROM HOTSPOT_MEMBER_IDS(?) m) ORDER BY i.id")) {
                    statement.setObject(1, hotspot);
                    return ids(statement.executeQuery());
                }
            });
            assertThat(selected).containsExactlyElementsOf(expected);
            Optional<List<UUID>> unknown = database.withConnection(connection -> HotspotMembers.read(connection, UUID.randomUUID()));
            assertThat(unknown).isEmpty();
            boolean exist = database.withConnection(connection -> HotspotMembers.exist(connection, hotspot));
            assertThat(exist).isTrue();
        }
    }

    @Test
    void upgradingADatabaseKeepsTheMembersItStoredOneRowPerIncident() throws Exception {
        DataFolder data = new DataFolder(folder);
        java.nio.file.Files.createDirectories(data.root());
        String url = Database.jdbcUrl(data.databaseBase());
        // The schema as the previous release left it: every migration but the compact member list.
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration",
                "classpath:org/khareetaty/store/migration").target("1").load().migrate();
        List<UUID> members = new ArrayList<>();
        UUID hotspot;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            hotspot = insertHotspot(connection);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO hotspot_incident (hotspot_id, incident_id) VALUES (?, ?)")) {
                for (int i = 0; i < 50; i++) {
                    UUID id = UUID.randomUUID();
                    members.add(id);
                    insert.setObject(1, hotspot);
                    insert.setObject(2, id);
                    insert.executeUpdate();
                }
            }
        }
        try (Database database = Database.open(data)) {
            Collections.sort(members);
            Optional<List<UUID>> migrated = database.withConnection(connection -> HotspotMembers.read(connection, hotspot));
            assertThat(migrated).contains(members);
            int oldTables = database.withConnection(connection -> {
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES "
                                + "WHERE TABLE_NAME = 'HOTSPOT_INCIDENT'")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(oldTables).isZero();
        }
    }

    private static UUID insertHotspot(Connection connection) throws java.sql.SQLException {
        UUID run = UUID.randomUUID();
        UUID hotspot = UUID.randomUUID();
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO analysis_run (id, kind, parameters, filters, row_count, started_at, "
                    + "elapsed_ms, app_version) VALUES ('" + run + "', 'DBSCAN', '{}', '{}', 0, CURRENT_TIMESTAMP, 1, 'test')");
            statement.executeUpdate("INSERT INTO hotspot (id, run_id, rank, label, geom, incident_count, area_m2, "
                    + "density_per_km2) VALUES ('" + hotspot + "', '" + run + "', 1, 'H', "
                    + "ST_GeomFromText('POLYGON((0 0, 1 0, 1 1, 0 0))', 4326), 0, 1, 1)");
        }
        return hotspot;
    }

    private static List<UUID> ids(ResultSet rs) throws java.sql.SQLException {
        try (rs) {
            List<UUID> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
            return ids;
        }
    }
}
