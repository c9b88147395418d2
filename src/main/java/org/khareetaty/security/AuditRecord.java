package org.khareetaty.security;

import java.time.Instant;
import java.util.UUID;

/** One audit record: who did what to which object, when, and how it ended. */
public record AuditRecord(long seq, UUID id, Instant at, String username, String event, String object, String outcome,
        String details, String previousHash, String hash) {
}
