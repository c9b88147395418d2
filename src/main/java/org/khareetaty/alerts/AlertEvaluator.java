package org.khareetaty.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.khareetaty.sync.ChangeLog;
import org.khareetaty.sync.ChangeOperation;
import org.khareetaty.sync.SyncEntity;

/**
 * Evaluates every enabled rule and raises what they find. Each new alert and its notification rows are
 * written in one transaction (the transactional outbox), so an alert never exists without its messages
 * and a message never exists without its alert. The same evidence never raises a second alert:
 * the check is done in the transaction and enforced by UNIQUE(rule_id, evidence_key).
 * Safe to call from any thread; evaluations are serialised.
 */
public final class AlertEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Days before the last stored day searched first for the latest incident time. */
    private static final int RECENT_DAYS = 7;

    /** One raised alert, as reported to the caller. */
    public record Raised(UUID alertId, String rule, Severity severity, String title, int notifications) {
    }

    /** What an evaluation did; {@code errors} names rules that could not be evaluated (others still ran). */
    public record Report(int rulesEvaluated, List<Raised> raised, int notificationsQueued, List<String> errors) {
    }

    private final Database database;
    private final AlertRuleRepository rules;
    private final Settings settings;
    private final Clock clock;
    private final Map<RuleKind, RuleCheck> checks = new EnumMap<>(RuleKind.class);

    public AlertEvaluator(Database database, AlertRuleRepository rules, Settings settings, Clock clock) {
        this.database = database;
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
        checks.put(RuleKind.CATEGORY_COUNT, new IncidentChecks.CategoryCount());
        checks.put(RuleKind.NEAR_REPEAT, new IncidentChecks.NearRepeat());
        checks.put(RuleKind.HOTSPOT_SCORE, new AnalysisChecks.HotspotScore());
        checks.put(RuleKind.HOTSPOT_CHANGE, new AnalysisChecks.HotspotChange());
        checks.put(RuleKind.FORECAST_EXCEEDANCE, new AnalysisChecks.ForecastExceedance());
    }

    public synchronized Report evaluate(TaskContext context) {
        List<AlertRule> enabled = rules.enabled();
        ZoneId zone = settings.get(Settings.AGENCY_ZONE);
        Instant now = clock.instant();
        EvaluationTime time = new EvaluationTime(now, dataNow(now), zone);
        List<Raised> raised = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int queued = 0;
        int done = 0;
        for (AlertRule rule : enabled) {
            context.checkCancelled();
            context.progress(done++, enabled.size(), "Rule " + rule.name());
            List<AlertCandidate> candidates;
            try {
                candidates = database.withConnection(connection -> checks.get(rule.kind()).find(connection, rule, time));
            } catch (RuntimeException e) {
                LOG.warn("Alert rule '{}' could not be evaluated", rule.name(), e);
                errors.add(rule.name() + ": " + e.getMessage());
                continue;
            }
            for (AlertCandidate candidate : candidates) {
                Raised one = database.inTransaction(connection -> raise(connection, rule, candidate, time));
                if (one != null) {
                    raised.add(one);
                    queued += one.notifications();
                    LOG.info("Alert raised by '{}': [{}] {}", rule.name(), one.severity(), one.title());
                }
            }
        }
        context.progress(enabled.size(), enabled.size(), raised.size() + " new alerts");
        return new Report(enabled.size(), raised, queued, errors);
    }

    /**
     * The latest incident time, but never in the future (a bad date in the data must not move the window).
     * Looked for first among the last days stored, so an evaluation does not read every incident.
     */
    Instant dataNow(Instant now) {
        Instant latest = database.withConnection(connection -> {
            LocalDate lastDay = null;
            try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(local_date) FROM incident");
                    ResultSet rs = statement.executeQuery()) {
                if (rs.next() && rs.getDate(1) != null) {
                    lastDay = rs.getDate(1).toLocalDate();
                }
            }
            if (lastDay == null) {
                return null;
            }
            LocalDate tomorrow = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1);
            LocalDate windowStart = (lastDay.isAfter(tomorrow) ? tomorrow : lastDay).minusDays(RECENT_DAYS);
            Instant recent = latestUpTo(connection, now, windowStart);
            // Local days are less than a day from UTC ones, so an incident two days after the window's start is
            // later than any before it; otherwise (future-dated rows around a gap) look through everything.
            boolean conclusive = recent != null && !recent.isBefore(windowStart.plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant());
            return conclusive ? recent : latestUpTo(connection, now, null);
        });
        return latest == null ? now : latest;
    }

    private static Instant latestUpTo(Connection connection, Instant now, LocalDate fromDay) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MAX(occurred_at) FROM incident "
                + "WHERE occurred_at <= ?" + (fromDay == null ? "" : " AND local_date >= ?"))) {
            statement.setTimestamp(1, Timestamp.from(now));
            if (fromDay != null) {
                statement.setObject(2, fromDay);
            }
            try (ResultSet rs = statement.executeQuery()) {
                OffsetDateTime max = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                return max == null ? null : max.toInstant();
            }
        }
    }

    private Raised raise(Connection connection, AlertRule rule, AlertCandidate candidate, EvaluationTime time)
            throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM alert WHERE rule_id = ? AND evidence_key = ?")) {
            exists.setObject(1, rule.id());
            exists.setString(2, candidate.evidenceKey());
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return null;
                }
            }
        }
        UUID alertId = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert (id, rule_id, evidence_key, severity, "
                + "area_id, title, evidence, status, raised_at, updated_at, evidence_at, summary) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)")) {
            insert.setObject(1, alertId);
            insert.setObject(2, rule.id());
            insert.setString(3, candidate.evidenceKey());
            insert.setString(4, candidate.severity().name());
            insert.setObject(5, candidate.area() == null ? null : candidate.area().id());
            insert.setString(6, truncate(candidate.title(), 400));
            insert.setString(7, candidate.evidence().toJson());
            insert.setObject(8, now);
            insert.setObject(9, now);
            insert.setObject(10, candidate.evidenceAt() == null ? null
                    : OffsetDateTime.ofInstant(candidate.evidenceAt(), ZoneOffset.UTC));
            insert.setString(11, truncate(candidate.summary(), 2000));
            insert.executeUpdate();
        }
        ChangeLog.record(connection, SyncEntity.ALERT, alertId, ChangeOperation.UPSERT);
        int notifications = queueNotifications(connection, alertId, rule, candidate, time);
        return new Raised(alertId, rule.name(), candidate.severity(), candidate.title(), notifications);
    }

    private int queueNotifications(Connection connection, UUID alertId, AlertRule rule, AlertCandidate candidate,
            EvaluationTime time) throws SQLException {
        RuleDefinition def = rule.definition();
        Instant release = def.quietHours() == null ? time.now()
                : def.quietHours().releaseTime(time.now(), candidate.severity(), time.zone());
        Map<String, String> values = new HashMap<>();
        values.put("rule", rule.name());
        values.put("severity", candidate.severity().name());
        values.put("area", candidate.area() == null ? "—" : candidate.area().name());
        values.put("summary", candidate.summary());
        values.put("title", candidate.title());
        Instant when = candidate.evidenceAt() == null ? time.now() : candidate.evidenceAt();
        values.put("time", TIME.format(when.atZone(time.zone())));
        values.put("count", candidate.evidence().count() == null ? "" : String.valueOf(candidate.evidence().count()));
        values.put("alert", alertId.toString().substring(0, 8));
        String body = MessageTemplate.render(def.templateOrDefault(), values);
        String areaCode = candidate.area() == null ? null : candidate.area().code();
        int queued = 0;
        for (Recipient recipient : def.recipients()) {
            if (!recipient.wants(candidate.severity(), areaCode)) {
                continue;
            }
            try (PreparedStatement insert = connection.prepareStatement("MERGE INTO notification_outbox (id, alert_id, "
                    + "channel, recipient, body, status, attempts, next_attempt_at, created_at, updated_at) "
                    + "KEY (alert_id, channel, recipient) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")) {
                OffsetDateTime created = OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC);
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, alertId);
                insert.setString(3, recipient.channel().name());
                insert.setString(4, recipient.channel().address(recipient.to()));
                insert.setString(5, body);
                insert.setObject(6, OffsetDateTime.ofInstant(release, ZoneOffset.UTC));
                insert.setObject(7, created);
                insert.setObject(8, created);
                queued += insert.executeUpdate();
            }
        }
        return queued;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
