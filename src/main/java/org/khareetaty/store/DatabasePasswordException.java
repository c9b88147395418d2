package org.khareetaty.store;

/** The database file is encrypted and no file password, or a wrong one, was given. */
public final class DatabasePasswordException extends StoreException {
    public DatabasePasswordException(String message) {
        super(message, null);
    }
}
