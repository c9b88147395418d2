package org.khareetaty.sync;

import java.util.UUID;

/** One entry of the server's change cursor: the entity row changed at {@code seq}. */
public record ServerChange(long seq, SyncEntity entity, UUID id, ChangeOperation operation) {
}
