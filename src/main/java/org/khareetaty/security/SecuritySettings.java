package org.khareetaty.security;

import org.khareetaty.common.settings.SettingKey;

/** Configurable limits of sign-in and session lock (defaults from the CJIS Security Policy). */
public final class SecuritySettings {

    public static final SettingKey<Integer> LOCKOUT_ATTEMPTS = SettingKey.integer("security.lockout.attempts", 5, 3, 20);
    public static final SettingKey<Integer> LOCKOUT_MINUTES = SettingKey.integer("security.lockout.minutes", 10, 1, 1440);
    public static final SettingKey<Integer> SESSION_IDLE_MINUTES = SettingKey.integer("security.session.idleMinutes", 30, 1, 480);

    private SecuritySettings() {
    }
}
