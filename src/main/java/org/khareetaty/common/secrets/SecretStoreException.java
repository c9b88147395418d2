package org.khareetaty.common.secrets;

/** A secret could not be read or written; the message never contains the secret itself. */
public final class SecretStoreException extends RuntimeException {
    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
