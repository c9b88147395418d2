package org.khareetaty.sync;

/** What happened to a row, as written to the local change log ({@code sync_change.operation}). */
public enum ChangeOperation {
    /** The row was created or edited; the push sends its current content. */
    UPSERT,
    /** The row was deleted; the push deletes it on the server and the pull on the other workstations. */
    DELETE,
    /** An import batch and all its incidents, pushed in chunks (one log row instead of one per incident). */
    UPSERT_BATCH
}
