package org.khareetaty.common;

/** Thrown by core code at a safe point after the user asked to cancel. Work done so far is rolled back. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("Cancelled by the user");
    }
}
