package org.khareetaty.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.khareetaty.common.SecretStore;
import org.khareetaty.common.settings.SettingKey;
import org.khareetaty.security.AuditLog.Outcome;
import org.khareetaty.store.SettingsStore;

/**
 * The one way a person changes settings, from the window or the CLI: the role is checked, the values are validated
 * and written together, and one SETTING_CHANGE record names every key that changed (secrets only as "replaced",
 * never their value). Settings the app keeps for itself (sync state, caches) are written directly.
 */
public final class SettingChanges {

    private final SettingsStore store;
    private final SecretStore secrets;
    private final AuditLog audit;

    public SettingChanges(SettingsStore store, SecretStore secrets, AuditLog audit) {
        this.store = store;
        this.secrets = secrets;
        this.audit = audit;
    }

    /** Starts a change of a group of settings ({@code subject}, e.g. "notifications"), refused unless allowed. */
    public Change change(Principal actor, Permission permission, String subject) {
        audit.require(actor, permission, "SETTING_CHANGE", subject);
        return new Change(actor, subject);
    }

    /** Values to store together; nothing is written before {@link #save()}. */
    public final class Change {
        private final Principal actor;
        private final String subject;
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Set<String> secretKeys = new LinkedHashSet<>();

        private Change(Principal actor, String subject) {
            this.actor = actor;
            this.subject = subject;
        }

        public <T> Change set(SettingKey<T> key, T value) {
            key.validate(value);
            values.put(key.key(), key.format(value));
            return this;
        }

        /** A value typed by a person; parsing fails with a message naming the setting. */
        public <T> Change parse(SettingKey<T> key, String text) {
            values.put(key.key(), key.format(key.parse(text)));
            return this;
        }

        /** A credential: stored only encrypted; blank clears it. */
        public Change secret(SettingKey<String> key, String plainText) {
            values.put(key.key(), plainText == null || plainText.isBlank() ? "" : secrets.encrypt(plainText.strip()));
            secretKeys.add(key.key());
            return this;
        }

        /** Writes the values that differ from the stored ones and audits them once; returns the changed keys. */
        public List<String> save() {
            Map<String, String> changed = new LinkedHashMap<>();
            List<String> described = new ArrayList<>();
            for (Map.Entry<String, String> entry : values.entrySet()) {
                String before = store.raw(entry.getKey()).orElse("");
                if (Objects.equals(before, entry.getValue())) {
                    continue;
                }
                changed.put(entry.getKey(), entry.getValue());
                described.add(secretKeys.contains(entry.getKey())
                        ? entry.getKey() + (entry.getValue().isEmpty() ? " cleared" : " replaced (encrypted)")
                        : entry.getKey() + ": '" + before + "' -> '" + entry.getValue() + "'");
            }
            if (changed.isEmpty()) {
                return List.of();
            }
            try {
                store.setAll(changed);
            } catch (RuntimeException e) {
                audit.record(actor, "SETTING_CHANGE", subject, Outcome.FAILURE, e.getMessage());
                throw e;
            }
            audit.record(actor, "SETTING_CHANGE", subject, Outcome.SUCCESS, String.join("; ", described));
            return List.copyOf(changed.keySet());
        }
    }
}
