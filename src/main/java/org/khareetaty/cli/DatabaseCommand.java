package org.khareetaty.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.security.DatabaseProtection;
import org.khareetaty.security.DatabaseUpgrades;
import org.khareetaty.store.DatabaseUpgrade;
import org.khareetaty.store.LegacyH2Engine;
import org.khareetaty.security.PasswordPolicy;
import org.khareetaty.security.Principal;
import org.khareetaty.store.DatabaseFileEncryption;
import org.khareetaty.store.DatabaseFileEncryption.Conversion;
import picocli.CommandLine.Command;

/** H2's file encryption (CIPHER=AES) as an administrator's opt-in, defence in depth beside full-disk encryption. */
@Command(name = "database", mixinStandardHelpOptions = true,
        description = "The database file: its H2 engine and upgrade (ADR 0103), and H2's file encryption (CIPHER=AES)",
        subcommands = {DatabaseCommand.Status.class, DatabaseCommand.Upgrade.class, DatabaseCommand.Encrypt.class,
                DatabaseCommand.Decrypt.class})
final class DatabaseCommand {

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Whether the database file is encrypted, which H2 engine created it, and the installed older engines")
    static final class Status extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            boolean encrypted = DatabaseFileEncryption.isEncrypted(session.folder());
            DatabaseUpgrades.Status engine = DatabaseUpgrades.status(session.database());
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("file", session.folder().databaseFile().toString());
                result.put("encrypted", encrypted);
                result.put("createdByH2Build", engine.createBuild());
                result.put("h2Version", engine.currentVersion());
                result.put("upgradable", engine.upgradable());
                result.put("installedOlderEngines", engine.installedEngines());
                session.printJson(result);
            } else {
                session.out().println(session.folder().databaseFile() + (encrypted
                        ? ": encrypted with H2 CIPHER=AES (file password needed to open it)" : ": not encrypted"));
                session.out().println("Created by H2 build " + engine.createBuild() + "; this version's engine is H2 "
                        + engine.currentVersion() + (engine.upgradable()
                                ? ". It opens as it is; 'khareetaty database upgrade' re-writes it with this engine."
                                : ".") + " Older engines installed: "
                        + (engine.installedEngines().isEmpty() ? "none" : String.join(", ", engine.installedEngines())));
            }
            return 0;
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Re-write a database created by an older H2 engine with this version's engine (administrators; "
                    + "nobody may have the folder open): export with the old engine from h2-legacy/, re-import, verify "
                    + "every table's rows and checksum, keep the original beside it. A file this engine cannot read at "
                    + "all is upgraded the same way on any start.")
    static final class Upgrade extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            Principal actor = session.principal();
            char[] password = session.databasePassword();
            session.closeServices();
            DatabaseUpgrade.Result result = DatabaseUpgrades.upgrade(session.folder(), actor, password,
                    LegacyH2Engine.installed(), step -> org.slf4j.LoggerFactory.getLogger(DatabaseCommand.class).warn("{}", step));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", session.folder().databaseFile().toString());
            out.put("from", result.fromVersion());
            out.put("to", result.toVersion());
            out.put("tablesVerified", result.tables().size());
            out.put("rowsVerified", result.rows());
            out.put("originalKeptAt", result.originalKeptAt().toString());
            if (json) {
                session.printJson(out);
            } else {
                session.out().printf("Upgraded from H2 %s to H2 %s: %d tables, %,d rows verified (counts and checksums).%n"
                        + "The original is kept at %s; delete it once you are satisfied.%n", result.fromVersion(),
                        result.toVersion(), result.tables().size(), result.rows(), result.originalKeptAt());
            }
            return 0;
        }
    }

    @Command(name = "encrypt", mixinStandardHelpOptions = true,
            description = "Encrypt the database file (administrators; nobody may have the folder open). The new file "
                    + "password comes from $KHAREETATY_NEW_DB_PASSWORD or is asked twice; afterwards every start needs "
                    + "it ($KHAREETATY_DB_PASSWORD or the prompt; the window asks before sign-in). Losing it loses the data.")
    static final class Encrypt extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            Principal actor = session.principal();
            char[] password = session.password("New file password for the database: ", "KHAREETATY_NEW_DB_PASSWORD");
            if (System.getenv("KHAREETATY_NEW_DB_PASSWORD") == null && !Arrays.equals(password,
                    session.password("Repeat the file password: ", "KHAREETATY_NEW_DB_PASSWORD"))) {
                throw new IllegalArgumentException("The two file passwords differ.");
            }
            session.closeServices();
            Conversion conversion = DatabaseProtection.encrypt(session.folder(), actor, password, PasswordPolicy.bundled());
            print(session, conversion, json);
            return 0;
        }
    }

    @Command(name = "decrypt", mixinStandardHelpOptions = true,
            description = "Turn the file encryption off again (administrators; the file password is needed)")
    static final class Decrypt extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            Principal actor = session.principal();
            char[] password = session.databasePassword();
            if (password == null) {
                throw new IllegalArgumentException("The database in " + session.folder().root() + " is not encrypted.");
            }
            session.closeServices();
            print(session, DatabaseProtection.decrypt(session.folder(), actor, password), json);
            return 0;
        }
    }

    private static void print(CliSession session, Conversion conversion, boolean json) {
        long rows = conversion.tables().values().stream().mapToLong(t -> t.rows()).sum();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("file", session.folder().databaseFile().toString());
        result.put("encrypted", conversion.encrypted());
        result.put("tablesVerified", conversion.tables().size());
        result.put("rowsVerified", rows);
        result.put("unencryptedBackups", conversion.plaintextBackups().stream().map(Object::toString).toList());
        if (json) {
            session.printJson(result);
            return;
        }
        session.out().printf("The database is now %s: %d tables, %,d rows verified.%n",
                conversion.encrypted() ? "encrypted (H2 CIPHER=AES)" : "unencrypted", conversion.tables().size(), rows);
        if (!conversion.plaintextBackups().isEmpty()) {
            session.out().println("These backups were made before and hold the data in the clear; delete them (or keep "
                    + "them only on encrypted media):");
            conversion.plaintextBackups().forEach(file -> session.out().println("  " + file));
        }
    }
}
