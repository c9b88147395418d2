package org.khareetaty.ui.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.security.Principal;
import org.khareetaty.sync.ServerConfig;
import org.khareetaty.sync.SyncConflict;
import org.khareetaty.sync.SyncReport;
import org.khareetaty.sync.SyncRun;
import org.khareetaty.sync.SyncService;
import org.khareetaty.sync.SyncStatus;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The sync pane: server settings with a connection test, the last sync, pending changes, the conflicts the
 * server resolved and failed syncs with their reason. Syncs run in the background; {@link #tick()} is
 * called by a timer and starts a sync when automatic sync is on and the interval has passed.
 */
public final class SyncViewModel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final SyncService sync;
    private final Principal principal;
    private final FxExecutor executor;
    private final Clock clock;

    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final BooleanProperty plainLoopback = new SimpleBooleanProperty(false);
    private final IntegerProperty intervalMinutes = new SimpleIntegerProperty(15);
    private final BooleanProperty automatic = new SimpleBooleanProperty(false);
    private final StringProperty workstationName = new SimpleStringProperty("");

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper passwordStored = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastSync = new ReadOnlyStringWrapper("never");
    private final ReadOnlyStringWrapper pending = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper conflictsSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<SyncConflict> conflicts = FXCollections.observableArrayList();
    private final ObservableList<SyncRun> runs = FXCollections.observableArrayList();

    private Instant lastAttempt;
    private SyncStatus saved;

    public SyncViewModel(SyncService sync, Principal principal, FxExecutor executor, Clock clock) {
        this.sync = sync;
        this.principal = principal;
        this.executor = executor;
        this.clock = clock;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    /** Typed by the user; empty keeps the stored (encrypted) password. Cleared after saving. */
    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public BooleanProperty plainLoopbackProperty() {
        return plainLoopback;
    }

    public IntegerProperty intervalMinutesProperty() {
        return intervalMinutes;
    }

    public BooleanProperty automaticProperty() {
        return automatic;
    }

    public StringProperty workstationNameProperty() {
        return workstationName;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passwordStoredProperty() {
        return passwordStored.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSyncProperty() {
        return lastSync.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty conflictsSummaryProperty() {
        return conflictsSummary.getReadOnlyProperty();
    }

    public ObservableList<SyncConflict> conflicts() {
        return conflicts;
    }

    /** Recent sync attempts, newest first; failed ones carry their reason. */
    public ObservableList<SyncRun> runs() {
        return runs;
    }

    /** Loads settings and status into the form (settings only the first time, so typing is not overwritten). */
    public void load() {
        executor.run("Read sync status", context -> sync.status(), status -> {
            url.set(status.serverUrl());
            username.set(status.username());
            caFile.set(status.caFile());
            plainLoopback.set(ServerConfig.TlsMode.DISABLED_LOOPBACK_ONLY.name().equals(status.tls()));
            intervalMinutes.set(status.intervalMinutes());
            automatic.set(status.enabled());
            workstationName.set(status.workstationName());
            show(status);
        }, error -> message.set("Cannot read the sync status: " + error.getMessage()));
    }

    public void refresh() {
        executor.run("Read sync status", context -> sync.status(), this::show,
                error -> message.set("Cannot read the sync status: " + error.getMessage()));
    }

    private void show(SyncStatus status) {
        saved = status;
        passwordStored.set(status.configured());
        SyncRun last = status.lastRun();
        if (last == null) {
            lastSync.set("never");
        } else {
            lastAttempt = last.startedAt();
            String when = TIME.format(last.startedAt());
            lastSync.set(switch (last.outcome()) {
                case "SUCCEEDED" -> when + " — succeeded: pushed " + last.pushed() + ", pulled " + last.pulled()
                        + ", conflicts " + last.conflicts();
                case "RUNNING" -> when + " — running";
                default -> when + " — " + last.outcome().toLowerCase(java.util.Locale.ROOT) + ": " + last.error();
            });
        }
        pending.set(String.format("%,d change(s) waiting to be pushed%s", status.pendingChanges(),
                status.pushInFlight() ? " (an interrupted batch will be resumed)" : ""));
        conflictsSummary.set(String.format("%,d conflict(s) resolved so far", status.conflictsTotal()));
        conflicts.setAll(status.recentConflicts());
        runs.setAll(status.recentRuns());
    }

    /** The form as a server config; without a typed password it carries none (the stored one is used). */
    private ServerConfig formConfig() {
        String ca = caFile.get() == null ? "" : caFile.get().strip();
        return new ServerConfig(url.get().strip(), username.get().strip(), typedPassword(),
                ca.isEmpty() ? null : Path.of(ca),
                plainLoopback.get() ? ServerConfig.TlsMode.DISABLED_LOOPBACK_ONLY : ServerConfig.TlsMode.VERIFY_FULL);
    }

    private String typedPassword() {
        String typed = password.get();
        return typed == null || typed.isEmpty() ? null : typed;
    }

    /** Runs in the background: fills in the stored password when none was typed. */
    private ServerConfig withStoredPassword(ServerConfig config) {
        if (config.password() != null) {
            return config;
        }
        String stored = sync.serverConfig().map(ServerConfig::password).orElse("");
        return new ServerConfig(config.url(), config.username(), stored, config.caFile(), config.tls());
    }

    /** Validates and saves the settings; the password is stored encrypted and cleared from the form. */
    public void save() {
        ServerConfig config;
        try {
            config = formConfig();
        } catch (IllegalArgumentException e) {
            message.set("Not saved: " + e.getMessage());
            return;
        }
        int interval = intervalMinutes.get();
        boolean enabled = automatic.get();
        String name = workstationName.get();
        executor.run("Save sync settings", context -> {
            sync.configure(principal, config.url(), config.username(), config.password(), config.caFile(), config.tls(),
                    interval, enabled, name);
            return sync.status();
        }, status -> {
            password.set("");
            message.set("Settings saved" + (enabled ? "; automatic sync every " + interval + " min." :
                    "; automatic sync is off."));
            show(status);
        }, error -> message.set("Not saved: " + error.getMessage()));
    }

    public void testConnection() {
        ServerConfig config;
        try {
            config = formConfig();
        } catch (IllegalArgumentException e) {
            message.set("Cannot test: " + e.getMessage());
            return;
        }
        busy.set(true);
        message.set("Testing the connection to " + config.url() + " …");
        executor.run("Test sync server", context -> sync.testConnection(withStoredPassword(config)), description -> {
            busy.set(false);
            message.set("Connection OK: " + description);
        }, error -> {
            busy.set(false);
            message.set("Connection failed: " + error.getMessage());
        });
    }

    public void syncNow() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        lastAttempt = clock.instant();
        message.set("Syncing…");
        executor.run("Sync with server", context -> sync.sync(principal, context), (SyncReport report) -> {
            busy.set(false);
            message.set(String.format("Synced in %.1f s: pushed %,d, pulled %,d, %d conflict(s) resolved%s.",
                    report.elapsedMillis() / 1000.0, report.pushedChanges(), report.pulledChanges(),
                    report.conflicts().size(), report.conflicts().isEmpty() ? "" : " (listed below)"));
            refresh();
        }, error -> {
            busy.set(false);
            message.set("Sync failed: " + error.getMessage());
            refresh();
        });
    }

    /** Called by a timer: syncs when automatic sync is on, a server is saved and the interval has passed. */
    public void tick() {
        if (saved == null || !saved.enabled() || !saved.configured() || busy.get()) {
            return;
        }
        Duration interval = Duration.ofMinutes(saved.intervalMinutes());
        if (lastAttempt == null || !clock.instant().isBefore(lastAttempt.plus(interval))) {
            syncNow();
        }
    }
}
