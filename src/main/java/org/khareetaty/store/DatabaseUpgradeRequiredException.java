package org.khareetaty.store;

/**
 * The application's H2 engine refused the database file as written by another engine version (H2's
 * FILE_VERSION_ERROR, or an MVStore format it does not read): the file must be upgraded by export and re-import
 * with an older engine first ({@link DatabaseUpgrade}, ADR 0103).
 */
public final class DatabaseUpgradeRequiredException extends StoreException {
    public DatabaseUpgradeRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
