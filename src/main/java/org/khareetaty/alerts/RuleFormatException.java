package org.khareetaty.alerts;

/** A rule that cannot be read or stored; the message names the source, line or rule, and field. */
public final class RuleFormatException extends IllegalArgumentException {
    public RuleFormatException(String message) {
        super(message);
    }
}
