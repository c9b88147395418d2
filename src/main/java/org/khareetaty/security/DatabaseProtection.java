package org.khareetaty.security;

import java.time.Clock;
import java.util.Optional;
import org.khareetaty.common.DataFolder;
import org.khareetaty.security.AuditLog.Outcome;
import org.khareetaty.store.Database;
import org.khareetaty.store.DatabaseFileEncryption;
import org.khareetaty.store.DatabaseFileEncryption.Conversion;

/**
 * The administrator's opt-in to H2's file encryption (CIPHER=AES, ADR 0102), on a folder nobody has open: role
 * check, file-password rules, the verified conversion ({@link DatabaseFileEncryption}) and one audit record
 * (DATABASE_ENCRYPT / DATABASE_DECRYPT) in the database as it is afterwards (or, on failure, as it was).
 */
public final class DatabaseProtection {

    private DatabaseProtection() {
    }

    public static Conversion encrypt(DataFolder folder, Principal actor, char[] newFilePassword, PasswordPolicy policy) {
        String event = "DATABASE_ENCRYPT";
        require(folder, null, actor, event);
        Optional<String> problem = policy.problem("", newFilePassword);
        if (problem.isPresent()) {
            record(folder, null, actor, event, Outcome.FAILURE, problem.get());
            throw new IllegalArgumentException("File password: " + problem.get());
        }
        Conversion conversion;
        try {
            conversion = DatabaseFileEncryption.encrypt(folder, newFilePassword);
        } catch (RuntimeException e) {
            record(folder, null, actor, event, Outcome.FAILURE, String.valueOf(e.getMessage()));
            throw e;
        }
        record(folder, newFilePassword, actor, event, Outcome.SUCCESS, describe(conversion));
        return conversion;
    }

    public static Conversion decrypt(DataFolder folder, Principal actor, char[] filePassword) {
        String event = "DATABASE_DECRYPT";
        require(folder, filePassword, actor, event);
        Conversion conversion;
        try {
            conversion = DatabaseFileEncryption.decrypt(folder, filePassword);
        } catch (RuntimeException e) {
            record(folder, filePassword, actor, event, Outcome.FAILURE, String.valueOf(e.getMessage()));
            throw e;
        }
        record(folder, null, actor, event, Outcome.SUCCESS, describe(conversion));
        return conversion;
    }

    private static String describe(Conversion conversion) {
        long rows = conversion.tables().values().stream().mapToLong(t -> t.rows()).sum();
        return (conversion.encrypted() ? "H2 CIPHER=AES on" : "H2 CIPHER=AES off") + "; " + conversion.tables().size()
                + " tables, " + rows + " rows verified" + (conversion.plaintextBackups().isEmpty() ? ""
                : "; " + conversion.plaintextBackups().size() + " unencrypted backup(s) remain");
    }

    private static void require(DataFolder folder, char[] filePassword, Principal actor, String event) {
        try {
            actor.require(Permission.CHANGE_SETTINGS);
        } catch (AccessDeniedException e) {
            record(folder, filePassword, actor, event, Outcome.DENIED, e.getMessage());
            throw e;
        }
    }

    private static void record(DataFolder folder, char[] filePassword, Principal actor, String event, Outcome outcome,
            String details) {
        try (Database database = Database.open(folder, filePassword)) {
            new AuditLog(database, Clock.systemUTC()).record(actor, event, folder.databaseFile().toString(), outcome, details);
        }
    }
}
