package org.khareetaty.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.security.Principal;
import org.khareetaty.security.BackupService;
import org.khareetaty.security.Permission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Consistent, verifiable backups. */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Create, list or restore backups",
        subcommands = {BackupCommand.Create.class, BackupCommand.ListBackups.class, BackupCommand.Restore.class})
final class BackupCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Back up the database into the data folder's backups/")
    static final class Create extends SessionCommand {
        @Option(names = "--passphrase-env", paramLabel = "VAR",
                description = "Encrypt with AES-256-GCM using the passphrase in this environment variable")
        String passphraseVariable;

        @Override
        protected int run(CliSession session) {
            char[] passphrase = passphraseVariable == null ? null : secret(passphraseVariable);
            BackupService.Backup backup = session.services().backups().create(session.principal(), passphrase);
            if (json) {
                session.printJson(backup);
            } else {
                session.out().printf("Wrote %s (%,d bytes%s)%n", backup.file(), backup.sizeBytes(), backup.encrypted() ? ", encrypted" : "");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List backups, newest first")
    static final class ListBackups extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            session.principal().require(Permission.BACKUP);
            java.util.List<BackupService.Backup> backups = session.services().backups().list();
            if (json) {
                session.printJson(backups);
            } else {
                backups.forEach(b -> session.out().printf("%s  %,12d bytes%s%n", b.file().getFileName(), b.sizeBytes(),
                        b.encrypted() ? "  encrypted" : ""));
            }
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Verify a backup's counts and checksums, then replace the database (the original is kept)")
    static final class Restore extends SessionCommand {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--passphrase-env", paramLabel = "VAR")
        String passphraseVariable;

        @Override
        protected int run(CliSession session) throws Exception {
            Principal actor = session.principal();
            session.closeServices();
            BackupService.RestoreResult result = BackupService.restore(session.folder(), actor, file,
                    passphraseVariable == null ? null : secret(passphraseVariable), session.databasePassword());
            long rows = result.tables().values().stream().mapToLong(t -> t.rows()).sum();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("restoredFrom", file.toString());
                out.put("tables", result.tables());
                out.put("originalKeptAt", String.valueOf(result.originalKeptAt()));
                session.printJson(out);
            } else {
                session.out().printf("Restored %s: %d tables, %,d rows verified. The previous database is kept at %s%n",
                        file, result.tables().size(), rows, result.originalKeptAt());
            }
            return 0;
        }
    }

    static char[] secret(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("The environment variable " + variable + " holds no passphrase.");
        }
        return value.toCharArray();
    }
}
