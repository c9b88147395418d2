package org.khareetaty.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.khareetaty.store.Database;
import org.khareetaty.sync.ChangeLog;
import org.khareetaty.sync.ChangeOperation;
import org.khareetaty.sync.SyncEntity;

/** Rules in table {@code alert_rule}; the YAML is kept as the user wrote it (comments included). */
public final class AlertRuleRepository {

    /** What an import did. */
    public record ImportResult(int created, int replaced) {
    }

    private final Database database;

    public AlertRuleRepository(Database database) {
        this.database = database;
    }

    public List<AlertRule> all() {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, definition, enabled, updated_at FROM alert_rule ORDER BY name")) {
                return read(statement);
            }
        });
    }

    public List<AlertRule> enabled() {
        return all().stream().filter(AlertRule::enabled).toList();
    }

    public Optional<AlertRule> byName(String name) {
        return all().stream().filter(rule -> rule.name().equals(name)).findFirst();
    }

    /**
     * Stores a rule from its YAML: a new one, or (with {@code id}) an edit of an existing one.
     * The YAML is validated first; a bad rule changes nothing.
     */
    public AlertRule save(UUID id, String yaml) {
        RuleDefinition definition = RuleYaml.parseOne(yaml, "rule");
        return database.inTransaction(connection -> save(connection, id, yaml, definition));
    }

    /** Replaces rules with the same name and adds the others, all in one transaction. */
    public ImportResult importYaml(String yaml, String source) {
        List<RuleDefinition> rules = RuleYaml.parseMany(yaml, source);
        return database.inTransaction(connection -> {
            int created = 0;
            int replaced = 0;
            for (RuleDefinition rule : rules) {
                UUID existing = idByName(connection, rule.name());
                save(connection, existing, RuleYaml.format(rule), rule);
                if (existing == null) {
                    created++;
                } else {
                    replaced++;
                }
            }
            return new ImportResult(created, replaced);
        });
    }

    public String exportYaml() {
        return RuleYaml.formatMany(all().stream().map(rule -> rule.definition().withEnabled(rule.enabled())).toList());
    }

    /** Switches a rule on or off without touching the YAML the user wrote. */
    public void setEnabled(UUID id, boolean enabled) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE alert_rule SET enabled = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                statement.setBoolean(1, enabled);
                statement.setObject(2, id);
                statement.executeUpdate();
            }
            ChangeLog.record(connection, SyncEntity.ALERT_RULE, id, ChangeOperation.UPSERT);
            return null;
        });
    }

    /** Deletes a rule that never raised an alert; rules with alerts are disabled instead, keeping their history. */
    public boolean delete(UUID id) {
        return database.inTransaction(connection -> {
            try (PreparedStatement used = connection.prepareStatement("SELECT COUNT(*) FROM alert WHERE rule_id = ?")) {
                used.setObject(1, id);
                try (ResultSet rs = used.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return false;
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM alert_rule WHERE id = ?")) {
                delete.setObject(1, id);
                if (delete.executeUpdate() == 0) {
                    return false;
                }
            }
            ChangeLog.record(connection, SyncEntity.ALERT_RULE, id, ChangeOperation.DELETE);
            return true;
        });
    }

    public Optional<AlertRule> byId(UUID id) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, definition, enabled, updated_at FROM alert_rule WHERE id = ?")) {
                statement.setObject(1, id);
                return read(statement).stream().findFirst();
            }
        });
    }

    private static AlertRule save(Connection connection, UUID id, String yaml, RuleDefinition definition)
            throws SQLException {
        UUID sameName = idByName(connection, definition.name());
        if (sameName != null && !sameName.equals(id)) {
            throw new RuleFormatException("A rule named '" + definition.name() + "' already exists");
        }
        UUID key = id == null ? UUID.randomUUID() : id;
        Instant now = Instant.now();
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO alert_rule (id, name, kind, definition, enabled, updated_at) KEY (id) VALUES (?, ?, ?, ?, ?, ?)")) {
            statement.setObject(1, key);
            statement.setString(2, definition.name());
            statement.setString(3, definition.kind().name());
            statement.setString(4, yaml);
            statement.setBoolean(5, definition.isEnabled());
            statement.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            statement.executeUpdate();
        }
        ChangeLog.record(connection, SyncEntity.ALERT_RULE, key, ChangeOperation.UPSERT);
        return new AlertRule(key, yaml, definition, definition.isEnabled(), now);
    }

    private static UUID idByName(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM alert_rule WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    private static List<AlertRule> read(PreparedStatement statement) throws SQLException {
        List<AlertRule> rules = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                String yaml = rs.getString(2);
                RuleDefinition definition = RuleYaml.parseOne(yaml, "stored rule " + id);
                rules.add(new AlertRule(id, yaml, definition, rs.getBoolean(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()));
            }
        }
        return rules;
    }
}
