package org.khareetaty.alerts;

/** Where an alert stands in its handling. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, ASSIGNED, RESOLVED
}
