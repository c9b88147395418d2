package org.khareetaty.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.khareetaty.common.settings.InvalidSettingException;
import org.khareetaty.common.settings.SettingKey;
import org.khareetaty.common.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Settings kept in the database's {@code setting} table, so they travel with the data folder. */
public final class SettingsStore implements Settings {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);

    private final Database database;

    public SettingsStore(Database database) {
        this.database = database;
    }

    @Override
    public <T> T get(SettingKey<T> key) {
        Optional<String> stored = raw(key.key());
        if (stored.isEmpty()) {
            return key.defaultValue();
        }
        try {
            return key.parse(stored.get());
        } catch (InvalidSettingException e) {
            // A stored value from an older version that is no longer allowed: fall back, but say so.
            LOG.warn("{} Using the default '{}'.", e.getMessage(), key.format(key.defaultValue()));
            return key.defaultValue();
        }
    }

    @Override
    public <T> void set(SettingKey<T> key, T value) {
        key.validate(value);
        setRaw(key.key(), key.format(value));
    }

    /** Parses, validates and stores a value typed by a person (CLI or settings dialog). */
    public <T> T setFromText(SettingKey<T> key, String text) {
        T value = key.parse(text);
        setRaw(key.key(), key.format(value));
        return value;
    }

    public Optional<String> raw(String key) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT setting_value FROM setting WHERE setting_key = ?")) {
                statement.setString(1, key);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Writes several values in one transaction (a settings form is saved whole or not at all). */
    public void setAll(java.util.Map<String, String> values) {
        database.inTransaction(connection -> {
            for (java.util.Map.Entry<String, String> entry : values.entrySet()) {
                merge(connection, entry.getKey(), entry.getValue());
            }
            return null;
        });
    }

    public void setRaw(String key, String value) {
        database.withConnection(connection -> merge(connection, key, value));
    }

    private static int merge(java.sql.Connection connection, String key, String value) throws java.sql.SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "MERGE INTO setting (setting_key, setting_value, updated_at) KEY (setting_key) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            statement.setString(1, key);
            statement.setString(2, value);
            return statement.executeUpdate();
        }
    }
}
