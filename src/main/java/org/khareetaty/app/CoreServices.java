package org.khareetaty.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.khareetaty.alerts.AlertServices;
import org.khareetaty.common.AppInfo;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.events.DataEvents;
import org.khareetaty.common.health.HealthCheck;
import org.khareetaty.common.secrets.AesGcmSecretStore;
import org.khareetaty.common.secrets.SecretStore;
import org.khareetaty.store.Database;
import org.khareetaty.store.DatabaseHealth;
import org.khareetaty.store.SettingsStore;

/**
 * The composition root of the headless core: builds every core service once, with constructor
 * injection, for the CLI and the desktop alike. Nothing here knows about JavaFX.
 */
public final class CoreServices implements AutoCloseable {

    private final DataFolder folder;
    private final Clock clock;
    private final AppInfo appInfo;
    private final Database database;
    private final BackgroundTasks tasks;
    private final SettingsStore settings;
    private final DataEvents dataEvents;
    private final SecretStore secrets;
    private final AlertServices alerts;

    private CoreServices(DataFolder folder, Clock clock, Database database, BackgroundTasks tasks) {
        this.folder = folder;
        this.clock = clock;
        this.appInfo = AppInfo.load();
        this.database = database;
        this.tasks = tasks;
        this.settings = new SettingsStore(database);
        this.dataEvents = new DataEvents();
        // Encrypted with a key file kept apart from the database; see docs/decisions/0061-secret-store.md.
        this.secrets = AesGcmSecretStore.withKeyFile(folder.root().resolve("secrets.properties"),
                folder.root().resolve("keys").resolve("secrets.key"));
        this.alerts = new AlertServices(database, settings, secrets, tasks, dataEvents, clock);
    }

    public static CoreServices open(DataFolder folder) {
        Database database = Database.open(folder);
        return new CoreServices(folder, Clock.systemUTC(), database, BackgroundTasks.forWorkstation());
    }

    public DataFolder folder() {
        return folder;
    }

    public Clock clock() {
        return clock;
    }

    public AppInfo appInfo() {
        return appInfo;
    }

    public Database database() {
        return database;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public SettingsStore settings() {
        return settings;
    }

    /** Import and analysis services announce committed changes here; alerts (and others) listen. */
    public DataEvents dataEvents() {
        return dataEvents;
    }

    public SecretStore secrets() {
        return secrets;
    }

    public AlertServices alerts() {
        return alerts;
    }

    public List<HealthCheck> healthChecks() {
        List<HealthCheck> checks = new ArrayList<>(DatabaseHealth.checks(database));
        return checks;
    }

    @Override
    public void close() {
        alerts.close();
        tasks.close();
        database.close();
    }
}
