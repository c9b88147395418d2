package org.khareetaty.alerts;

import java.time.Instant;
import java.util.UUID;

/** An alert as lists show it, with a count of its notifications by state. */
public record AlertRow(UUID id, UUID ruleId, String rule, RuleKind kind, Severity severity, AlertStatus status,
        UUID areaId, String areaName, String title, String summary, Instant raisedAt, Instant evidenceAt,
        String assignedTo, int notificationsSent, int notificationsPending, int notificationsFailed) {
}
