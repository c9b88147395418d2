package org.khareetaty.security;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.khareetaty.common.DataFolder;
import org.khareetaty.security.AuditLog.Outcome;
import org.khareetaty.store.Database;
import org.khareetaty.store.DatabaseUpgrade;
import org.khareetaty.store.LegacyH2Engine;
import org.khareetaty.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades of the H2 file format (ADR 0103) with their role check and audit record (DATABASE_UPGRADE), on a folder
 * nobody has open. Two ways in: an administrator's {@code khareetaty database upgrade} for a file this engine still
 * reads but an older engine created, and the start path for a file this engine refuses (like a schema migration,
 * it runs for whoever opens the folder: nothing in the file can be read, accounts included, until it has run).
 */
public final class DatabaseUpgrades {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUpgrades.class);
    private static final String EVENT = "DATABASE_UPGRADE";
    /** Who the audit record names for an upgrade at start, before anyone can sign in. */
    static final String AT_START = "system (upgrade at start)";

    /** What the folder's database file was created by, as far as this engine can tell. */
    public record Status(int createBuild, String currentVersion, boolean upgradable, List<String> installedEngines) {
    }

    private DatabaseUpgrades() {
    }

    /** The creator of an open database and whether an installed engine of that version could re-write it. */
    public static Status status(Database database) {
        int created = database.createBuild();
        List<Path> installed = LegacyH2Engine.installed();
        boolean upgradable = created != DatabaseUpgrade.currentBuild() && engineOf(installed, created) != null;
        return new Status(created, DatabaseUpgrade.currentVersion(), upgradable,
                installed.stream().map(LegacyH2Engine::namedVersion).toList());
    }

    /**
     * An administrator re-writes a database created by an older engine with the installed engine of exactly the
     * version that created it (H2's CREATE_BUILD), then the application's engine.
     */
    public static DatabaseUpgrade.Result upgrade(DataFolder folder, Principal actor, char[] filePassword,
            List<Path> engines, Consumer<String> progress) {
        String object = folder.databaseFile().toString();
        int created;
        try (Database database = Database.open(folder, filePassword)) {
            AuditLog audit = new AuditLog(database, Clock.systemUTC());
            audit.require(actor, Permission.BACKUP, EVENT, object);
            created = database.createBuild();
            if (created == DatabaseUpgrade.currentBuild()) {
                throw new IllegalStateException("The database in " + folder.root() + " was created by H2 "
                        + DatabaseUpgrade.currentVersion() + ", this version's engine: there is nothing to upgrade.");
            }
            if (engineOf(engines, created) == null) {
                String failure = "No H2 engine of build " + created + " (the one that created this database) is installed in "
                        + LegacyH2Engine.directory() + " (installed: " + engines.stream().map(LegacyH2Engine::namedVersion)
                        .collect(Collectors.joining(", ")) + "). The database opens with H2 "
                        + DatabaseUpgrade.currentVersion() + " as it is; nothing was changed.";
                audit.record(actor, EVENT, object, Outcome.FAILURE, failure);
                throw new StoreException(failure);
            }
        }
        DatabaseUpgrade.Result result;
        try (LegacyH2Engine engine = LegacyH2Engine.load(engineOf(engines, created))) {
            result = DatabaseUpgrade.upgrade(folder, filePassword, engine, progress);
        } catch (RuntimeException e) {
            record(folder, filePassword, actor.username(), Outcome.FAILURE, String.valueOf(e.getMessage()));
            throw e;
        }
        record(folder, filePassword, actor.username(), Outcome.SUCCESS, describe(result));
        return result;
    }

    /**
     * The start path: this engine refused the file ({@link org.khareetaty.store.DatabaseUpgradeRequiredException}),
     * so the installed legacy engines export it. Success is audited in the upgraded database; a failure can only be
     * logged (the file cannot be opened to record it), and its message names the untouched original.
     */
    public static DatabaseUpgrade.Result upgradeAtStart(DataFolder folder, char[] filePassword, Consumer<String> progress) {
        DatabaseUpgrade.Result result;
        try {
            result = DatabaseUpgrade.upgradeUnreadable(folder, filePassword, LegacyH2Engine.installed(), progress);
        } catch (RuntimeException e) {
            LOG.error("Upgrade of the database file at start failed: {}", e.getMessage());
            throw e;
        }
        record(folder, filePassword, AT_START, Outcome.SUCCESS, describe(result));
        return result;
    }

    private static Path engineOf(List<Path> engines, int build) {
        return engines.stream().filter(jar -> LegacyH2Engine.namedVersion(jar).endsWith("." + build)).findFirst().orElse(null);
    }

    private static String describe(DatabaseUpgrade.Result result) {
        return "H2 " + result.fromVersion() + " -> " + result.toVersion() + " by export and re-import; "
                + result.tables().size() + " tables, " + result.rows() + " rows verified (counts and checksums); original kept at "
                + result.originalKeptAt();
    }

    private static void record(DataFolder folder, char[] filePassword, String username, Outcome outcome, String details) {
        try (Database database = Database.open(folder, filePassword)) {
            new AuditLog(database, Clock.systemUTC()).record(username, EVENT, folder.databaseFile().toString(), outcome, details);
        } catch (RuntimeException e) {
            LOG.error("Cannot write the {} record ({}: {}) into {}: {}", EVENT, outcome, details, folder, e.getMessage());
        }
    }
}
