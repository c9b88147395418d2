package org.khareetaty.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the notification outbox. Before each send the row is marked SENDING and committed, so a
 * process killed mid-send leaves evidence; such a row, and any row whose last send was ambiguous (timeout,
 * reset, 5xx), is looked up at the provider (recipient, body, time) before it is sent again, and the
 * ambiguity is logged (logger {@code outbox.ambiguous}) and recorded in {@code notification_event}.
 * Permanent errors end the row as FAILED with the code; everything else waits with exponential backoff
 * and jitter. When the provider cannot be reached at all the pass stops: messages wait for the network.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final Logger AMBIGUOUS_LOG = LoggerFactory.getLogger("outbox.ambiguous");
    private static final int BATCH = 200;

    /** What one pass did. */
    public record Report(int sent, int failed, int retrying, int ambiguous, int foundByLookup, int pending,
            boolean offline, String problem) {
    }

    private final Database database;
    private final Supplier<Optional<MessageGateway>> gateways;
    private final Backoff backoff;
    private final Clock clock;
    private final Supplier<Duration> maxAge;

    /**
     * @param gateways gives the gateway for this pass, or empty with the problem logged (not configured)
     * @param maxAge   how long a message may keep failing before it is given up as FAILED
     */
    public OutboxSender(Database database, Supplier<Optional<MessageGateway>> gateways, Backoff backoff, Clock clock,
            Supplier<Duration> maxAge) {
        this.database = database;
        this.gateways = gateways;
        this.backoff = backoff;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Sends every due message once (at most); returns what happened. Passes are serialised. */
    public synchronized Report sendDue(TaskContext context) {
        Optional<MessageGateway> maybeGateway = gateways.get();
        if (maybeGateway.isEmpty()) {
            return new Report(0, 0, 0, 0, 0, pendingCount(), false, "Notifications are not configured");
        }
        MessageGateway gateway = maybeGateway.get();
        int sent = 0;
        int failed = 0;
        int retrying = 0;
        int ambiguous = 0;
        int found = 0;
        boolean offline = false;
        Set<UUID> seen = new HashSet<>();
        outer:
        while (true) {
            List<OutboxMessage> due = due(seen);
            if (due.isEmpty()) {
                break;
            }
            for (OutboxMessage message : due) {
                context.checkCancelled();
                seen.add(message.id());
                Outcome outcome = process(gateway, message);
                switch (outcome) {
                    case SENT -> sent++;
                    case FOUND -> {
                        sent++;
                        found++;
                    }
                    case FAILED -> failed++;
                    case AMBIGUOUS -> ambiguous++;
                    case RETRY -> retrying++;
                    case OFFLINE -> {
                        offline = true;
                        break outer;
                    }
                    default -> throw new IllegalStateException("Unhandled outcome " + outcome);
                }
                context.progress(seen.size(), -1, sent + " sent, " + failed + " failed");
            }
        }
        Report report = new Report(sent, failed, retrying, ambiguous, found, pendingCount(), offline,
                offline ? "Twilio cannot be reached; messages wait in the outbox" : null);
        if (sent + failed + retrying + ambiguous > 0 || offline) {
            LOG.info("Outbox pass: {} sent ({} found by lookup), {} failed, {} to retry, {} ambiguous, {} pending{}",
                    sent, found, failed, retrying, ambiguous, report.pending(), offline ? ", offline" : "");
        }
        return report;
    }

    private enum Outcome { SENT, FOUND, FAILED, AMBIGUOUS, RETRY, OFFLINE }

    private Outcome process(MessageGateway gateway, OutboxMessage message) {
        Instant now = clock.instant();
        boolean interrupted = OutboxMessage.SENDING.equals(message.status());
        if (interrupted) {
            // A previous process marked it SENDING and never recorded the answer: it may have gone out.
            AMBIGUOUS_LOG.warn("outbox.ambiguous: notification {} to {} was being sent when the sender stopped; "
                    + "looking it up before sending again", message.id(), mask(message.recipient()));
            update(message.id(), "UPDATE notification_outbox SET ambiguous = TRUE, status = 'PENDING', "
                    + "updated_at = CURRENT_TIMESTAMP WHERE id = ?", "AMBIGUOUS", "interrupted while sending");
        }
        if (message.ambiguous() || interrupted) {
            Instant since = message.firstAttemptAt() == null ? message.createdAt() : message.firstAttemptAt();
            Optional<String> sid;
            try {
                sid = gateway.findSent(message.recipient(), message.body(), since, knownSids(message.id()));
            } catch (GatewayException e) {
                return retryLater(message, e, now, "lookup: ");
            }
            if (sid.isPresent()) {
                markSent(message.id(), sid.get(), null, now, "LOOKUP_FOUND", "found " + sid.get() + " at the provider");
                return Outcome.FOUND;
            }
            event(message.id(), "LOOKUP_MISSING", "not found at the provider; sending again");
        }
        if (now.isAfter(message.createdAt().plus(maxAge.get()))) {
            fail(message.id(), null, "Not sent within " + maxAge.get().toHours() + " h"
                    + (message.lastError() == null ? "" : "; last error: " + message.lastError()));
            return Outcome.FAILED;
        }
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE notification_outbox SET status = 'SENDING', "
                    + "attempts = attempts + 1, first_attempt_at = COALESCE(first_attempt_at, ?), "
                    + "updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                statement.setObject(1, utc(now));
                statement.setObject(2, message.id());
                statement.executeUpdate();
            }
            return null;
        });
        try {
            MessageGateway.Accepted accepted = gateway.send(message.channel(), message.recipient(), message.body());
            markSent(message.id(), accepted.sid(), accepted.status(), clock.instant(), "SENT", accepted.sid());
            return Outcome.SENT;
        } catch (GatewayException e) {
            return switch (e.kind()) {
                case PERMANENT -> {
                    fail(message.id(), e.errorCode(), e.getMessage());
                    yield Outcome.FAILED;
                }
                case AMBIGUOUS -> {
                    AMBIGUOUS_LOG.warn("outbox.ambiguous: notification {} to {} may have been sent ({}); it will be "
                            + "looked up before any new attempt", message.id(), mask(message.recipient()), e.getMessage());
                    schedule(message, e, clock.instant(), true, "AMBIGUOUS", "");
                    yield Outcome.AMBIGUOUS;
                }
                case RETRYABLE -> retryLater(message, e, clock.instant(), "");
            };
        }
    }

    private Outcome retryLater(OutboxMessage message, GatewayException e, Instant now, String prefix) {
        schedule(message, e, now, message.ambiguous(), "RETRY", prefix);
        return e.offline() ? Outcome.OFFLINE : Outcome.RETRY;
    }

    private void schedule(OutboxMessage message, GatewayException e, Instant now, boolean ambiguous, String event,
            String prefix) {
        Instant next = now.plus(backoff.delay(Math.max(1, message.attempts() + 1)));
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE notification_outbox SET status = 'PENDING', "
                    + "ambiguous = ambiguous OR ?, next_attempt_at = ?, last_error = ?, error_code = ?, "
                    + "updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                statement.setBoolean(1, ambiguous);
                statement.setObject(2, utc(next));
                statement.setString(3, truncate(prefix + e.getMessage()));
                statement.setObject(4, e.errorCode());
                statement.setObject(5, message.id());
                statement.executeUpdate();
            }
            insertEvent(connection, message.id(), event, prefix + e.getMessage());
            return null;
        });
    }

    private void markSent(UUID id, String sid, String deliveryStatus, Instant at, String event, String detail) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE notification_outbox SET status = 'SENT', "
                    + "message_sid = ?, sent_at = ?, delivery_status = ?, error_code = NULL, updated_at = CURRENT_TIMESTAMP "
                    + "WHERE id = ?")) {
                statement.setString(1, sid);
                statement.setObject(2, utc(at));
                statement.setString(3, deliveryStatus);
                statement.setObject(4, id);
                statement.executeUpdate();
            }
            insertEvent(connection, id, event, detail);
            return null;
        });
    }

    private void fail(UUID id, Integer code, String reason) {
        LOG.warn("Notification {} failed for good: {}", id, reason);
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("UPDATE notification_outbox SET status = 'FAILED', "
                    + "error_code = ?, last_error = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                statement.setObject(1, code);
                statement.setString(2, truncate(reason));
                statement.setObject(3, id);
                statement.executeUpdate();
            }
            insertEvent(connection, id, "FAILED", reason);
            return null;
        });
    }

    /** Asks the provider for the delivery status of sent messages that are not final yet. */
    public synchronized int pollDelivery(TaskContext context) {
        Optional<MessageGateway> maybeGateway = gateways.get();
        if (maybeGateway.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<OutboxMessage> open = database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + OutboxMessage.COLUMNS
                    + " FROM notification_outbox WHERE status = 'SENT' AND message_sid IS NOT NULL AND sent_at >= ? "
                    + "AND (delivery_checked_at IS NULL OR delivery_checked_at < ?) ORDER BY sent_at LIMIT 500")) {
                statement.setObject(1, utc(now.minus(Duration.ofDays(7))));
                statement.setObject(2, utc(now.minus(Duration.ofMinutes(1))));
                return readAll(statement);
            }
        });
        int changed = 0;
        for (OutboxMessage message : open) {
            context.checkCancelled();
            MessageGateway.Delivery delivery;
            try {
                delivery = maybeGateway.get().delivery(message.messageSid());
            } catch (GatewayException e) {
                LOG.info("Delivery status of {} not available: {}", message.messageSid(), e.getMessage());
                if (e.offline()) {
                    break;
                }
                continue;
            }
            String status = delivery.isFinal() ? (delivery.isFailure() ? OutboxMessage.FAILED : OutboxMessage.DELIVERED)
                    : OutboxMessage.SENT;
            String error = delivery.isFailure() ? "Not delivered: " + delivery.status()
                    + (delivery.errorCode() == null ? "" : " (error " + delivery.errorCode() + ")")
                    + (delivery.errorMessage() == null ? "" : " " + delivery.errorMessage()) : null;
            boolean statusChanged = !delivery.status().equals(message.deliveryStatus());
            database.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("UPDATE notification_outbox SET status = ?, "
                        + "delivery_status = ?, delivery_checked_at = ?, error_code = COALESCE(?, error_code), "
                        + "last_error = COALESCE(?, last_error), updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
                    statement.setString(1, status);
                    statement.setString(2, delivery.status());
                    statement.setObject(3, utc(clock.instant()));
                    statement.setObject(4, delivery.errorCode());
                    statement.setString(5, error);
                    statement.setObject(6, message.id());
                    statement.executeUpdate();
                }
                if (statusChanged) {
                    insertEvent(connection, message.id(), "DELIVERY", delivery.status()
                            + (delivery.errorCode() == null ? "" : " " + delivery.errorCode()));
                }
                return null;
            });
            if (statusChanged) {
                changed++;
            }
        }
        return changed;
    }

    /** Messages waiting to be sent (PENDING or interrupted while SENDING). */
    public int pendingCount() {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT COUNT(*) FROM notification_outbox WHERE status IN ('PENDING', 'SENDING')");
                    ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private List<OutboxMessage> due(Set<UUID> seen) {
        Instant now = clock.instant();
        List<OutboxMessage> rows = database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + OutboxMessage.COLUMNS
                    + " FROM notification_outbox WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= ? "
                    + "ORDER BY next_attempt_at, created_at LIMIT ?")) {
                statement.setObject(1, utc(now));
                statement.setInt(2, BATCH + seen.size());
                return readAll(statement);
            }
        });
        // One attempt per message and pass: a row rescheduled into the past by a tiny backoff waits for the next pass.
        List<OutboxMessage> fresh = new ArrayList<>();
        for (OutboxMessage row : rows) {
            if (!seen.contains(row.id()) && fresh.size() < BATCH) {
                fresh.add(row);
            }
        }
        return fresh;
    }

    private Set<String> knownSids(UUID except) {
        return database.withConnection(connection -> {
            // Only recent SIDs matter: a lookup never looks further back than the message's first attempt.
            try (PreparedStatement statement = connection.prepareStatement("SELECT message_sid FROM notification_outbox "
                    + "WHERE message_sid IS NOT NULL AND id <> ? AND recipient = (SELECT recipient FROM notification_outbox WHERE id = ?)")) {
                statement.setObject(1, except);
                statement.setObject(2, except);
                Set<String> sids = new HashSet<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sids.add(rs.getString(1));
                    }
                }
                return sids;
            }
        });
    }

    private void update(UUID id, String sql, String event, String detail) {
        database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setObject(1, id);
                statement.executeUpdate();
            }
            insertEvent(connection, id, event, detail);
            return null;
        });
    }

    private void event(UUID id, String kind, String detail) {
        database.inTransaction(connection -> {
            insertEvent(connection, id, kind, detail);
            return null;
        });
    }

    private void insertEvent(Connection connection, UUID outboxId, String kind, String detail) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO notification_event (id, outbox_id, at, kind, detail) VALUES (?, ?, ?, ?, ?)")) {
            statement.setObject(1, UUID.randomUUID());
            statement.setObject(2, outboxId);
            statement.setObject(3, utc(clock.instant()));
            statement.setString(4, kind);
            statement.setString(5, truncate(detail));
            statement.executeUpdate();
        }
    }

    private static List<OutboxMessage> readAll(PreparedStatement statement) throws SQLException {
        List<OutboxMessage> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows.add(OutboxMessage.read(rs));
            }
        }
        return rows;
    }

    /** Numbers in logs show only their last three digits. */
    static String mask(String recipient) {
        int keep = Math.min(3, recipient.length());
        return "…" + recipient.substring(recipient.length() - keep);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
