package org.khareetaty.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A signed-in user's session on the desktop. Idle longer than the configured time, it locks: the window
 * keeps its work but asks for the password again before anything else.
 */
public final class Session {

    private final Principal principal;
    private final Clock clock;
    private final Duration idleLimit;
    private Instant lastActivity;
    private boolean locked;

    public Session(Principal principal, Clock clock, Duration idleLimit) {
        this.principal = principal;
        this.clock = clock;
        this.idleLimit = idleLimit;
        this.lastActivity = clock.instant();
    }

    public Principal principal() {
        return principal;
    }

    /** Records user activity (a key or mouse event) unless the session is already locked. */
    public synchronized void touch() {
        if (!isLocked()) {
            lastActivity = clock.instant();
        }
    }

    /** True when locked by idleness (checked against the clock) or explicitly. */
    public synchronized boolean isLocked() {
        if (!locked && Duration.between(lastActivity, clock.instant()).compareTo(idleLimit) >= 0) {
            locked = true;
        }
        return locked;
    }

    public synchronized void lockNow() {
        locked = true;
    }

    /** Unlocks when the password is right; the caller's {@link UserService#confirmPassword} audits the attempt. */
    public synchronized boolean unlock(UserService users, char[] password) {
        if (users.confirmPassword(principal, password)) {
            locked = false;
            lastActivity = clock.instant();
            return true;
        }
        return false;
    }
}
