package org.khareetaty.alerts;

import java.time.Instant;
import java.util.Optional;

/** Sends SMS and WhatsApp messages and answers questions about them; {@link TwilioGateway} is the real one. */
public interface MessageGateway {

    /** A message the provider accepted: its id and status at that moment. */
    record Accepted(String sid, String status) {
    }

    /** A message's delivery state; {@code errorCode} and {@code errorMessage} are set when it failed. */
    record Delivery(String status, Integer errorCode, String errorMessage) {
        public boolean isFinal() {
            return switch (status) {
                case "delivered", "read", "undelivered", "failed", "canceled" -> true;
                default -> false;
            };
        }

        public boolean isFailure() {
            return "undelivered".equals(status) || "failed".equals(status) || "canceled".equals(status);
        }
    }

    Accepted send(Channel channel, String to, String body) throws GatewayException;

    /**
     * Looks for a message to {@code to} with exactly this body created at or after {@code since}, skipping
     * the SIDs in {@code known} (messages already recorded for other notifications).
     */
    Optional<String> findSent(String to, String body, Instant since, java.util.Set<String> known) throws GatewayException;

    Delivery delivery(String sid) throws GatewayException;
}
