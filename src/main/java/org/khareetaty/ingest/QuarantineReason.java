package org.khareetaty.ingest;

/** Why a source row was not accepted. Stored by name in {@code quarantined_row.reason}. */
public enum QuarantineReason {
    MISSING_FIELD("a required field is empty"),
    BAD_DATE("the date/time cannot be read"),
    IMPOSSIBLE_DATE("the date is impossible (before 1900 or in the future)"),
    BAD_COORDINATES("the coordinates cannot be read or are out of range"),
    ZERO_COORDINATES("the location is (0, 0)"),
    OUTSIDE_EXTENT("the location is outside the agency's extent"),
    WRONG_FIELD_COUNT("the row has a different number of fields than the header"),
    BAD_QUOTING("a quoted field is never closed"),
    FIELD_TOO_LONG("the row is longer than the limit"),
    BAD_ENCODING("the row has bytes that are not valid in the file's character set");

    private final String description;

    QuarantineReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
