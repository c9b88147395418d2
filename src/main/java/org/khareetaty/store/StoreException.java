package org.khareetaty.store;

/** A database problem, with a message meant for the person at the keyboard. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
