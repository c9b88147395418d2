package org.khareetaty.ingest;

/** One rejected source row: where it is, which field and value, and why. */
public record QuarantineEntry(String fileName, long line, String field, String value, QuarantineReason reason,
        String message, String rawText) {
}
