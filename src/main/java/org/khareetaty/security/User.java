package org.khareetaty.security;

import java.time.Instant;
import java.util.UUID;

/** A local account as listed to administrators (never with its password hash). */
public record User(UUID id, String username, String displayName, Role role, boolean active, int failedLogins,
        Instant lockedUntil) {

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
