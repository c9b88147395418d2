package org.khareetaty.alerts;

/** A send or lookup that did not succeed, classified by what the sender must do next. */
public final class GatewayException extends Exception {

    /** What a failure means for the message. */
    public enum Kind {
        /** Certainly not sent (no network, rate limited, credentials refused): try again later. */
        RETRYABLE,
        /** Perhaps sent (timeout, reset, 5xx, unreadable answer): look it up before sending again. */
        AMBIGUOUS,
        /** Rejected for good (invalid number, opted out, outside the WhatsApp window): stop. */
        PERMANENT
    }

    private final Kind kind;
    private final Integer errorCode;
    private final boolean offline;

    public GatewayException(Kind kind, Integer errorCode, String message, boolean offline, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
        this.offline = offline;
    }

    public Kind kind() {
        return kind;
    }

    public Integer errorCode() {
        return errorCode;
    }

    /** True when the provider could not be reached at all: the sender stops its pass and waits. */
    public boolean offline() {
        return offline;
    }
}
