package org.khareetaty.sync;

/** A sync failure with a reason a person can act on (server unreachable, certificate refused, ...). */
public final class SyncException extends RuntimeException {
    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
