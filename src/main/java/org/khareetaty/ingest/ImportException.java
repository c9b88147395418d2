package org.khareetaty.ingest;

/** An import that cannot go on, with a message for the user naming the file (and line where it applies). */
public class ImportException extends RuntimeException {
    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
