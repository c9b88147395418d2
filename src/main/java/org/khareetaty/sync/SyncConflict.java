package org.khareetaty.sync;

import java.time.Instant;
import java.util.UUID;

/** A value the server discarded while merging, with the value it kept and the rule that decided. */
public record SyncConflict(long serverId, Instant resolvedAt, SyncEntity entity, UUID entityId, String field,
        String keptValue, String discardedValue, String rule) {
}
