package org.khareetaty.alerts;

import java.util.Locale;

/** How urgent an alert is; ordered from least to most urgent. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Accepts any case ("high", "High"); the message lists what is allowed. */
    public static Severity parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("'" + text + "' is not a severity: use LOW, MEDIUM, HIGH or CRITICAL");
        }
    }
}
