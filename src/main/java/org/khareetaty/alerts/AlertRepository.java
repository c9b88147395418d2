package org.khareetaty.alerts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.store.Database;
import org.khareetaty.sync.ChangeLog;
import org.khareetaty.sync.ChangeOperation;
import org.khareetaty.sync.SyncEntity;

/** Reads alerts for the pane and the CLI, and records what users do to them. */
public final class AlertRepository {

    private static final String SELECT = "SELECT a.id, a.rule_id, r.name, r.kind, a.severity, a.status, a.area_id, ar.name, "
            + "a.title, a.summary, a.raised_at, a.evidence_at, a.assigned_to, "
            + "(SELECT COUNT(*) FROM notification_outbox n WHERE n.alert_id = a.id AND n.status IN ('SENT', 'DELIVERED')), "
            + "(SELECT COUNT(*) FROM notification_outbox n WHERE n.alert_id = a.id AND n.status IN ('PENDING', 'SENDING')), "
            + "(SELECT COUNT(*) FROM notification_outbox n WHERE n.alert_id = a.id AND n.status = 'FAILED') "
            + "FROM alert a JOIN alert_rule r ON r.id = a.rule_id LEFT JOIN area ar ON ar.id = a.area_id";

    /** An option for a filter: id and label. */
    public record Choice(UUID id, String label) {
    }

    private final Database database;
    private final Clock clock;
    private final AuditLog audit;

    public AlertRepository(Database database, Clock clock, AuditLog audit) {
        this.audit = audit;
        this.database = database;
        this.clock = clock;
    }

    public List<AlertRow> list(AlertQuery query) {
        List<String> clauses = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!query.severities().isEmpty()) {
            clauses.add("a.severity IN (" + IncidentChecks.placeholders(query.severities().size()) + ")");
            query.severities().stream().map(Enum::name).sorted().forEach(parameters::add);
        }
        if (!query.statuses().isEmpty()) {
            clauses.add("a.status IN (" + IncidentChecks.placeholders(query.statuses().size()) + ")");
            query.statuses().stream().map(Enum::name).sorted().forEach(parameters::add);
        }
        if (query.areaId() != null) {
            clauses.add("a.area_id = ?");
            parameters.add(query.areaId());
        }
        if (query.ruleId() != null) {
            clauses.add("a.rule_id = ?");
            parameters.add(query.ruleId());
        }
        String where = clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    SELECT + where + " ORDER BY a.raised_at DESC, a.id LIMIT ?")) {
                int index = 1;
                for (Object parameter : parameters) {
                    statement.setObject(index++, parameter);
                }
                statement.setInt(index, query.limit());
                List<AlertRow> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                }
                return rows;
            }
        });
    }

    public Optional<AlertDetail> detail(UUID alertId) {
        return database.withConnection(connection -> {
            AlertRow row;
            String evidence;
            try (PreparedStatement statement = connection.prepareStatement(SELECT + " WHERE a.id = ?")) {
                statement.setObject(1, alertId);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    row = read(rs);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("SELECT evidence FROM alert WHERE id = ?")) {
                statement.setObject(1, alertId);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    evidence = rs.getString(1);
                }
            }
            List<AlertDetail.ActionRecord> actions = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT action, username, note, at FROM alert_action WHERE alert_id = ? ORDER BY at, id")) {
                statement.setObject(1, alertId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        actions.add(new AlertDetail.ActionRecord(AlertAction.valueOf(rs.getString(1)), rs.getString(2),
                                rs.getString(3), OutboxMessage.instant(rs, 4)));
                    }
                }
            }
            List<OutboxMessage> notifications = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + OutboxMessage.COLUMNS
                    + " FROM notification_outbox WHERE alert_id = ? ORDER BY channel, recipient")) {
                statement.setObject(1, alertId);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        notifications.add(OutboxMessage.read(rs));
                    }
                }
            }
            return Optional.of(new AlertDetail(row, Evidence.fromJson(evidence), actions, notifications));
        });
    }

    /**
     * Applies an action and records it (user, time, note) in one transaction. Resolving needs a note;
     * assigning needs an assignee; a resolved alert must be reopened before anything else is done to it.
     * Resolving and reopening need a supervisor; every action is audited once (event ALERT_&lt;ACTION&gt;).
     */
    public AlertRow act(Principal actor, UUID alertId, AlertAction action, String note, String assignee) {
        Permission needed = action == AlertAction.RESOLVE || action == AlertAction.REOPEN
                ? Permission.CLOSE_ALERTS : Permission.VIEW;
        return audit.audited(actor, needed, "ALERT_" + action.name(), alertId.toString(),
                () -> apply(alertId, action, actor.username(), note, assignee),
                row -> row.title() + ": now " + row.status() + (assignee == null || assignee.isBlank() ? ""
                        : ", assigned to " + assignee.strip()) + (note == null || note.isBlank() ? ""
                        : ", note: " + abbreviate(note.strip())));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private AlertRow apply(UUID alertId, AlertAction action, String username, String note, String assignee) {
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (action == AlertAction.RESOLVE && cleanNote == null) {
            throw new IllegalArgumentException("Say how the alert was resolved: a note is required");
        }
        if (action == AlertAction.NOTE && cleanNote == null) {
            throw new IllegalArgumentException("The note is empty");
        }
        if (action == AlertAction.ASSIGN && (assignee == null || assignee.isBlank())) {
            throw new IllegalArgumentException("Name the person to assign the alert to");
        }
        database.inTransaction(connection -> {
            AlertStatus current;
            String currentAssignee;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT status, assigned_to FROM alert WHERE id = ? FOR UPDATE")) {
                statement.setObject(1, alertId);
                try (ResultSet rs = statement.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("There is no alert " + alertId);
                    }
                    current = AlertStatus.valueOf(rs.getString(1));
                    currentAssignee = rs.getString(2);
                }
            }
            AlertStatus next = switch (action) {
                case ACKNOWLEDGE -> current == AlertStatus.OPEN ? AlertStatus.ACKNOWLEDGED : current;
                case ASSIGN -> AlertStatus.ASSIGNED;
                case RESOLVE -> AlertStatus.RESOLVED;
                case REOPEN -> AlertStatus.OPEN;
                case NOTE -> current;
            };
            if (current == AlertStatus.RESOLVED && action != AlertAction.REOPEN && action != AlertAction.NOTE) {
                throw new IllegalStateException("The alert is resolved; reopen it first");
            }
            if (action == AlertAction.REOPEN && current != AlertStatus.RESOLVED) {
                throw new IllegalStateException("Only a resolved alert can be reopened");
            }
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            try (PreparedStatement statement = connection.prepareStatement(
                    "UPDATE alert SET status = ?, assigned_to = ?, updated_at = ? WHERE id = ?")) {
                statement.setString(1, next.name());
                statement.setString(2, action == AlertAction.ASSIGN ? assignee.strip() : currentAssignee);
                statement.setObject(3, now);
                statement.setObject(4, alertId);
                statement.executeUpdate();
            }
            String recorded = action == AlertAction.ASSIGN
                    ? "assigned to " + assignee.strip() + (cleanNote == null ? "" : ": " + cleanNote) : cleanNote;
            UUID actionId = UUID.randomUUID();
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO alert_action (id, alert_id, action, username, note, at) VALUES (?, ?, ?, ?, ?, ?)")) {
                statement.setObject(1, actionId);
                statement.setObject(2, alertId);
                statement.setString(3, action.name());
                statement.setString(4, username);
                statement.setString(5, recorded);
                statement.setObject(6, now);
                statement.executeUpdate();
            }
            ChangeLog.record(connection, SyncEntity.ALERT, alertId, ChangeOperation.UPSERT);
            ChangeLog.record(connection, SyncEntity.ALERT_ACTION, actionId, ChangeOperation.UPSERT);
            return null;
        });
        return detail(alertId).orElseThrow().alert();
    }

    /** Areas that have alerts, for the area filter. */
    public List<Choice> areas() {
        return choices("SELECT DISTINCT ar.id, ar.name FROM alert a JOIN area ar ON ar.id = a.area_id ORDER BY ar.name");
    }

    /** Rules that have alerts or exist, for the rule filter. */
    public List<Choice> rules() {
        return choices("SELECT id, name FROM alert_rule ORDER BY name");
    }

    /** Open alerts by severity, for the pane header. */
    public Map<Severity, Long> openBySeverity() {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT severity, COUNT(*) FROM alert WHERE status = 'OPEN' GROUP BY severity");
                    ResultSet rs = statement.executeQuery()) {
                Map<Severity, Long> counts = new java.util.EnumMap<>(Severity.class);
                while (rs.next()) {
                    counts.put(Severity.valueOf(rs.getString(1)), rs.getLong(2));
                }
                return counts;
            }
        });
    }

    private List<Choice> choices(String sql) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
                List<Choice> choices = new ArrayList<>();
                while (rs.next()) {
                    choices.add(new Choice(rs.getObject(1, UUID.class), rs.getString(2)));
                }
                return choices;
            }
        });
    }

    private static AlertRow read(ResultSet rs) throws SQLException {
        return new AlertRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                RuleKind.valueOf(rs.getString(4)), Severity.valueOf(rs.getString(5)), AlertStatus.valueOf(rs.getString(6)),
                rs.getObject(7, UUID.class), rs.getString(8), rs.getString(9), rs.getString(10),
                OutboxMessage.instant(rs, 11), OutboxMessage.instant(rs, 12), rs.getString(13), rs.getInt(14),
                rs.getInt(15), rs.getInt(16));
    }
}
