package org.khareetaty.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.khareetaty.security.Principal;
import org.khareetaty.common.DataFolder;
import org.khareetaty.core.CoreServices;
import org.khareetaty.store.Database;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;

/** Workstations and edits for sync tests; every edit records its change in the same transaction, as product code must. */
final class SyncTestData {

    private SyncTestData() {
    }

    static CoreServices workstation(Path folder, ServerConfig config, String name) {
        DataFolder prepared = TestDatabases.prepare(folder);
        CoreServices core = CoreServices.open(prepared);
        core.sync().configure(Principal.BOOTSTRAP, config.url(), config.username(), config.password(), config.caFile(), config.tls(), 15,
                true, name);
        return core;
    }

    static UUID importIncidents(Database database, int count, long seed) {
        UUID batch = TestIncidents.insert(database, TestIncidents.random(count, seed), ZoneId.of("America/New_York"));
        database.inTransaction(connection -> {
            ChangeLog.recordImportBatch(connection, batch);
            return null;
        });
        return batch;
    }

    static UUID rule(Database database, String name) {
        return database.inTransaction(connection -> rule(connection, name));
    }

    static UUID rule(Connection connection, String name) throws SQLException {
        UUID id = UUID.randomUUID();
        {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO alert_rule (id, name, kind, "
                    + "definition, enabled, updated_at) VALUES (?, ?, 'THRESHOLD', ?, TRUE, ?)")) {
                statement.setObject(1, id);
                statement.setString(2, name);
                statement.setString(3, "name: " + name + "\nthreshold: 5\n");
                statement.setObject(4, now());
                statement.executeUpdate();
            }
            ChangeLog.record(connection, SyncEntity.ALERT_RULE, id, ChangeOperation.UPSERT);
        }
        return id;
    }

    static UUID alert(Database database, UUID rule, String evidenceKey) {
        return database.inTransaction(connection -> alert(connection, rule, evidenceKey));
    }

    static UUID alert(Connection connection, UUID rule, String evidenceKey) throws SQLException {
        UUID id = UUID.randomUUID();
        {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO alert (id, rule_id, "
                    + "evidence_key, severity, title, evidence, status, raised_at, updated_at) "
                    + "VALUES (?, ?, ?, 'HIGH', ?, '{}', 'OPEN', ?, ?)")) {
                statement.setObject(1, id);
                statement.setObject(2, rule);
                statement.setString(3, evidenceKey);
                statement.setString(4, "Alert " + evidenceKey);
                statement.setObject(5, now());
                statement.setObject(6, now());
                statement.executeUpdate();
            }
            ChangeLog.record(connection, SyncEntity.ALERT, id, ChangeOperation.UPSERT);
        }
        return id;
    }

    /** Changes an alert's status and appends the action, as the alerts workflow does. */
    static void setAlertStatus(Database database, UUID alert, String status, String user) {
        database.inTransaction(connection -> {
            setAlertStatus(connection, alert, status, user);
            return null;
        });
    }

    static void setAlertStatus(Connection connection, UUID alert, String status, String user) throws SQLException {
        {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE alert SET status = ?, updated_at = ? WHERE id = ?")) {
                statement.setString(1, status);
                statement.setObject(2, now());
                statement.setObject(3, alert);
                statement.executeUpdate();
            }
            UUID action = UUID.randomUUID();
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO alert_action (id, alert_id, "
                    + "action, username, note, at) VALUES (?, ?, ?, ?, NULL, ?)")) {
                statement.setObject(1, action);
                statement.setObject(2, alert);
                statement.setString(3, status);
                statement.setString(4, user);
                statement.setObject(5, now());
                statement.executeUpdate();
            }
            ChangeLog.record(connection, SyncEntity.ALERT, alert, ChangeOperation.UPSERT);
            ChangeLog.record(connection, SyncEntity.ALERT_ACTION, action, ChangeOperation.UPSERT);
        }
    }

    static void editIncidentText(Database database, UUID incident, String column, String value) {
        database.inTransaction(connection -> {
            editIncidentText(connection, incident, column, value);
            return null;
        });
    }

    static void editIncidentText(Connection connection, UUID incident, String column, String value)
            throws SQLException {
        if (!List.of("address", "category_code", "category_source").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE incident SET " + column + " = ?, updated_at = ? WHERE id = ?")) {
                statement.setString(1, value);
                statement.setObject(2, now());
                statement.setObject(3, incident);
                statement.executeUpdate();
            }
            ChangeLog.recordFields(connection, SyncEntity.INCIDENT, incident, List.of(column));
        }
    }

    static String text(Database database, String sql, UUID id) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    static String serverText(Connection pg, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = pg.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static ContentHash localHash(Database database) {
        return database.withConnection(connection -> ContentHash.of(connection, false));
    }

    static ContentHash serverHash(ServerConfig server) throws SQLException {
        try (Connection pg = ServerConnector.connect(server)) {
            return ContentHash.of(pg, true);
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
