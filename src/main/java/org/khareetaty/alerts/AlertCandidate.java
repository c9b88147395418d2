package org.khareetaty.alerts;

import java.time.Instant;

/**
 * An alert a rule would raise. {@code evidenceKey} identifies the evidence: a candidate whose key the rule
 * has already used raises nothing.
 */
public record AlertCandidate(String evidenceKey, Severity severity, AreaRef area, String title, String summary,
        Evidence evidence, Instant evidenceAt) {
}
