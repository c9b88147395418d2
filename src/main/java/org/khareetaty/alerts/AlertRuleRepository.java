package org.khareetaty.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
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
    private final AuditLog audit;

    public AlertRuleRepository(Database database, AuditLog audit) {
        this.database = database;
        this.audit = audit;
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
     * The YAML is validated first; a bad rule changes nothing. Needs EDIT_RULES; audited (RULE_CHANGE).
     */
    public AlertRule save(Principal actor, UUID id, String yaml) {
        audit.require(actor, Permission.EDIT_RULES, "RULE_CHANGE", id == null ? "new rule" : id.toString());
        RuleDefinition definition = RuleYaml.parseOne(yaml, "rule");
        return audit.audited(actor, Permission.EDIT_RULES, "RULE_CHANGE", definition.name(),
                () -> database.inTransaction(connection -> save(connection, id, yaml, definition)),
                saved -> (id == null ? "created" : "edited") + " (" + definition.kind() + ")");
    }

    /** Replaces rules with the same name and adds the others, all in one transaction (audited as one change). */
    public ImportResult importYaml(Principal actor, String yaml, String source) {
        audit.require(actor, Permission.EDIT_RULES, "RULE_CHANGE", source);
        List<RuleDefinition> rules = RuleYaml.parseMany(yaml, source);
        return audit.audited(actor, Permission.EDIT_RULES, "RULE_CHANGE", source, () -> importAll(rules),
                result -> "imported: " + result.created() + " added, " + result.replaced() + " replaced");
    }

    private ImportResult importAll(List<RuleDefinition> rules) {
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

    /**
     * All rules as YAML for {@code destination} (a file name, or "standard output"). Rules name recipients' phone
     * numbers, so this needs EDIT_RULES and is audited (EXPORT).
     */
    public String exportYaml(Principal actor, String destination) {
        List<AlertRule> rules = new ArrayList<>();
        return audit.audited(actor, Permission.EDIT_RULES, "EXPORT", destination, () -> {
            rules.addAll(all());
            return RuleYaml.formatMany(rules.stream().map(rule -> rule.definition().withEnabled(rule.enabled())).toList());
        }, yaml -> rules.size() + " alert rules as YAML");
    }

    /** Writes all rules as YAML to a file (audited). */
    public void exportTo(Principal actor, Path file) {
        audit.audited(actor, Permission.EDIT_RULES, "EXPORT", file.toAbsolutePath().toString(), () -> {
            List<AlertRule> rules = all();
            try {
                Files.writeString(file, RuleYaml.formatMany(rules.stream()
                        .map(rule -> rule.definition().withEnabled(rule.enabled())).toList()), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
            }
            return rules.size();
        }, count -> count + " alert rules as YAML");
    }

    /** Switches a rule on or off without touching the YAML the user wrote (audited). */
    public void setEnabled(Principal actor, UUID id, boolean enabled) {
        String name = byId(id).map(AlertRule::name).orElse(id.toString());
        audit.audited(actor, Permission.EDIT_RULES, "RULE_CHANGE", name, () -> {
            switchRule(id, enabled);
            return enabled;
        }, on -> on ? "enabled" : "disabled");
    }

    /**
     * Deletes a rule that never raised an alert; a rule with alerts is disabled instead, keeping its history.
     * Returns whether it was deleted. Audited once either way.
     */
    public boolean remove(Principal actor, UUID id) {
        String name = byId(id).map(AlertRule::name).orElse(id.toString());
        return audit.audited(actor, Permission.EDIT_RULES, "RULE_CHANGE", name, () -> {
            boolean deleted = delete(id);
            if (!deleted) {
                switchRule(id, false);
            }
            return deleted;
        }, deleted -> deleted ? "deleted" : "disabled instead of deleted (it raised alerts)");
    }

    private void switchRule(UUID id, boolean enabled) {
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

    private boolean delete(UUID id) {
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
