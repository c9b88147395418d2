package org.khareetaty.security;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.khareetaty.common.FileTrees;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.health.HealthCheck;
import org.khareetaty.common.health.HealthResult;
import org.khareetaty.common.settings.SettingKey;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.security.AuditLog.Outcome;
import org.khareetaty.store.Database;
import org.khareetaty.store.DatabaseFileEncryption;
import org.khareetaty.store.TableChecksums;
import org.khareetaty.store.TableChecksums.TableSum;

/**
 * Consistent backups of the database with a manifest of row counts and checksums, optional AES-256-GCM
 * encryption, a retention count, and a restore that verifies everything before replacing anything.
 */
public final class BackupService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackupService.class);

    public static final SettingKey<Integer> KEEP = SettingKey.integer("backup.keep", 10, 1, 1000);

    private static final String DATABASE_ENTRY = "khareetaty.mv.db";
    private static final String MANIFEST_ENTRY = "manifest.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A backup file as listed to the administrator. */
    public record Backup(Path file, Instant created, long sizeBytes, boolean encrypted) {
    }

    /** What a verified restore found and did. */
    public record RestoreResult(Map<String, TableSum> tables, Path originalKeptAt) {
    }

    private final Database database;
    private final Clock clock;
    private final Settings settings;
    private final AuditLog audit;

    public BackupService(Database database, Clock clock, Settings settings, AuditLog audit) {
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
    }

    /** Writes a backup into the data folder's backups/, encrypted when a passphrase is given, then applies retention. */
    public Backup create(Principal actor, char[] passphrase) {
        actor.require(Permission.BACKUP);
        Path folder = database.folder().backups();
        Instant now = clock.instant();
        String name = "khareetaty-" + STAMP.format(now) + (passphrase == null ? ".zip" : ".zip.enc");
        Path target = folder.resolve(name);
        try {
            Files.createDirectories(folder);
            Path work = Files.createTempDirectory(folder, ".backup-");
            try {
                Path h2Zip = work.resolve("h2.zip");
                database.backupTo(h2Zip);
                Map<String, TableSum> manifest = TableChecksums.of(database);
                Path plain = work.resolve("backup.zip");
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plain));
                        ZipInputStream h2 = new ZipInputStream(Files.newInputStream(h2Zip))) {
                    ZipEntry entry = h2.getNextEntry();
                    if (entry == null) {
                        throw new IOException("H2 wrote an empty backup");
                    }
                    zip.putNextEntry(new ZipEntry(DATABASE_ENTRY));
                    h2.transferTo(zip);
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry(MANIFEST_ENTRY));
                    zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                    zip.closeEntry();
                }
                if (passphrase == null) {
                    Files.move(plain, target);
                } else {
                    FileEncryption.encrypt(plain, target, passphrase);
                }
            } finally {
                FileTrees.delete(work);
            }
            Backup backup = new Backup(target, now, Files.size(target), passphrase != null);
            audit.record(actor, "BACKUP_CREATE", target.getFileName().toString(), Outcome.SUCCESS,
                    (passphrase == null ? "unencrypted, " : "AES-256-GCM, ") + backup.sizeBytes() + " bytes");
            applyRetention(actor);
            return backup;
        } catch (IOException e) {
            audit.record(actor, "BACKUP_CREATE", name, Outcome.FAILURE, e.getMessage());
            throw new UncheckedIOException("Cannot write the backup " + target + ": " + e.getMessage(), e);
        }
    }

    public List<Backup> list() {
        return list(database.folder());
    }

    static List<Backup> list(DataFolder folder) {
        if (!Files.isDirectory(folder.backups())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder.backups())) {
            List<Backup> backups = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().matches("khareetaty-\\d{8}-\\d{6}\\.zip(\\.enc)?")).toList()) {
                backups.add(new Backup(file, Files.getLastModifiedTime(file).toInstant(), Files.size(file),
                        file.getFileName().toString().endsWith(".enc")));
            }
            backups.sort(Comparator.comparing((Backup b) -> b.file().getFileName().toString()).reversed());
            return backups;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void applyRetention(Principal actor) throws IOException {
        List<Backup> backups = list();
        int keep = settings.get(KEEP);
        for (Backup old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
            Files.deleteIfExists(old.file());
            audit.record(actor, "BACKUP_DELETE", old.file().getFileName().toString(), Outcome.SUCCESS, "retention keeps " + keep);
        }
    }

    /** Warns when the newest backup is older than a week (or there is none while data exists). */
    public HealthCheck healthCheck() {
        return () -> {
            Optional<Backup> newest = list().stream().findFirst();
            if (newest.isEmpty()) {
                return HealthResult.warn("backup", "no backup yet: run 'khareetaty backup create' or schedule the pipeline");
            }
            Duration age = Duration.between(newest.get().created(), clock.instant());
            String text = "newest backup " + newest.get().file().getFileName() + ", " + age.toHours() + " h old";
            return age.toDays() > 7 ? HealthResult.warn("backup", text + ": older than a week") : HealthResult.ok("backup", text);
        };
    }

    /**
     * Restores a backup into a folder that nobody has open (close its services first), for an administrator, and
     * audits the outcome in the folder's database: BACKUP_RESTORE with SUCCESS (rows verified, where the original was
     * kept) in the restored database, or FAILURE / DENIED in the untouched one.
     */
    public static RestoreResult restore(DataFolder folder, Principal actor, Path backup, char[] passphrase)
            throws IOException {
        return restore(folder, actor, backup, passphrase, null);
    }

    /**
     * As above for a folder whose database may be encrypted with H2's CIPHER=AES: {@code filePassword} opens the
     * current database (for the audit records) and the backup's database file when that is encrypted too (a backup
     * of an encrypted database holds the encrypted file, so it restores encrypted under the same password).
     */
    public static RestoreResult restore(DataFolder folder, Principal actor, Path backup, char[] passphrase,
            char[] filePassword) throws IOException {
        String object = backup.toAbsolutePath().toString();
        try {
            actor.require(Permission.BACKUP);
        } catch (AccessDeniedException e) {
            recordIn(folder, filePassword, actor, object, Outcome.DENIED, e.getMessage());
            throw e;
        }
        RestoreResult result;
        try {
            result = restore(folder, backup, passphrase, filePassword);
        } catch (IOException | RuntimeException e) {
            recordIn(folder, filePassword, actor, object, Outcome.FAILURE, String.valueOf(e.getMessage()));
            throw e;
        }
        long rows = result.tables().values().stream().mapToLong(TableSum::rows).sum();
        boolean encrypted = DatabaseFileEncryption.isEncrypted(folder);
        if (filePassword != null && !encrypted) {
            LOG.warn("The restored database is not encrypted (the backup was made before H2 CIPHER=AES was turned on): "
                    + "run 'khareetaty database encrypt' again");
        }
        recordIn(folder, encrypted ? filePassword : null, actor, object, Outcome.SUCCESS, result.tables().size()
                + " tables, " + rows + " rows verified; original kept at " + result.originalKeptAt()
                + (filePassword != null && !encrypted ? "; the restored database is NOT encrypted" : ""));
        return result;
    }

    private static void recordIn(DataFolder folder, char[] filePassword, Principal actor, String object, Outcome outcome,
            String details) {
        try (Database database = Database.open(folder, filePassword)) {
            new AuditLog(database, Clock.systemUTC()).record(actor, "BACKUP_RESTORE", object, outcome, details);
        }
    }

    /**
     * Restores a backup into a folder that nobody has open, without auditing (tests): decrypts and unpacks it to a temporary folder,
     * opens it, checks every table's count and checksum against the manifest, and only then replaces the
     * database file (the original is kept beside it).
     */
    static RestoreResult restore(DataFolder folder, Path backup, char[] passphrase) throws IOException {
        return restore(folder, backup, passphrase, null);
    }

    private static RestoreResult restore(DataFolder folder, Path backup, char[] passphrase, char[] filePassword)
            throws IOException {
        Path work = Files.createTempDirectory("khareetaty-restore-");
        try {
            Path zipFile = backup;
            if (FileEncryption.isEncrypted(backup)) {
                if (passphrase == null) {
                    throw new IOException(backup + " is encrypted: give its passphrase");
                }
                zipFile = work.resolve("backup.zip");
                FileEncryption.decrypt(backup, zipFile, passphrase);
            }
            Path restored = work.resolve("db");
            Files.createDirectories(restored);
            Map<String, TableSum> manifest = null;
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(zipFile))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (DATABASE_ENTRY.equals(entry.getName())) {
                        try (OutputStream out = Files.newOutputStream(restored.resolve(DATABASE_ENTRY))) {
                            zip.transferTo(out);
                        }
                    } else if (MANIFEST_ENTRY.equals(entry.getName())) {
                        manifest = JSON.readValue(zip.readAllBytes(), new TypeReference<LinkedHashMap<String, TableSum>>() { });
                    }
                }
            }
            if (manifest == null || !Files.exists(restored.resolve(DATABASE_ENTRY))) {
                throw new IOException(backup + " is not a Khareetaty backup (database or manifest missing)");
            }
            Map<String, TableSum> found;
            try (Database candidate = Database.open(new DataFolder(restored), filePassword)) {
                found = TableChecksums.of(candidate);
            }
            for (Map.Entry<String, TableSum> expected : manifest.entrySet()) {
                TableSum actual = found.get(expected.getKey());
                if (!expected.getValue().equals(actual)) {
                    throw new IOException("The backup does not verify: table " + expected.getKey() + " should have "
                            + expected.getValue() + " but has " + actual + ". Nothing was replaced.");
                }
            }
            Path kept = Database.replaceFile(folder, restored.resolve(DATABASE_ENTRY));
            return new RestoreResult(manifest, kept);
        } finally {
            FileTrees.delete(work);
        }
    }
}
