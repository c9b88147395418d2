package org.khareetaty.common.health;

/** One aspect of the workstation's health, reported by {@code doctor} and the status pane. */
@FunctionalInterface
public interface HealthCheck {
    HealthResult check();
}
