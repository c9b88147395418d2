package org.khareetaty.alerts;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code notification_outbox}. */
public record OutboxMessage(UUID id, UUID alertId, Channel channel, String recipient, String body, String status,
        int attempts, Instant nextAttemptAt, String lastError, Integer errorCode, boolean ambiguous, String messageSid,
        Instant createdAt, Instant sentAt, Instant firstAttemptAt, String deliveryStatus) {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    static final String COLUMNS = "id, alert_id, channel, recipient, body, status, attempts, next_attempt_at, last_error, "
            + "error_code, ambiguous, message_sid, created_at, sent_at, first_attempt_at, delivery_status";

    static OutboxMessage read(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OutboxMessage(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), Channel.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), instant(rs, 8), rs.getString(9),
                (Integer) rs.getObject(10), rs.getBoolean(11), rs.getString(12), instant(rs, 13), instant(rs, 14),
                instant(rs, 15), rs.getString(16));
    }

    static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
