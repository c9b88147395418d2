package org.khareetaty.common.health;

/** The outcome of a {@link HealthCheck}: a name, a status and a sentence a person can act on. */
public record HealthResult(String name, Status status, String message) {

    /** OK and WARN keep the workstation usable; FAIL means it is not healthy. */
    public enum Status { OK, WARN, FAIL }

    public static HealthResult ok(String name, String message) {
        return new HealthResult(name, Status.OK, message);
    }

    public static HealthResult warn(String name, String message) {
        return new HealthResult(name, Status.WARN, message);
    }

    public static HealthResult fail(String name, String message) {
        return new HealthResult(name, Status.FAIL, message);
    }
}
