package org.khareetaty.sync;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One coalesced change in a push: the row's current content for an upsert (null for a delete), the
 * edited fields (null = the whole row) and when the workstation made the change.
 */
public record PushItem(SyncEntity entity, UUID id, ChangeOperation operation, Set<String> fields, Instant changedAt,
        Object[] row) {

    public boolean isFieldEdit() {
        return operation == ChangeOperation.UPSERT && fields != null;
    }
}
