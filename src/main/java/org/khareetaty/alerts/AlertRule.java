package org.khareetaty.alerts;

import java.time.Instant;
import java.util.UUID;

/** A stored rule: its id, the YAML the user wrote and the definition read from it. */
public record AlertRule(UUID id, String yaml, RuleDefinition definition, boolean enabled, Instant updatedAt) {

    public String name() {
        return definition.name();
    }

    public RuleKind kind() {
        return definition.kind();
    }
}
