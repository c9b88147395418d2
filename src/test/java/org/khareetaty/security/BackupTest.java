package org.khareetaty.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.MutableClock;
import org.khareetaty.common.DataFolder;
import org.khareetaty.store.Database;
import org.khareetaty.store.SettingsStore;
import org.khareetaty.store.TableChecksums;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;

class BackupTest {

    @TempDir
    Path folder;

    @Test
    void encryptedBackupRestoresToIdenticalCountsAndChecksums() throws Exception {
        DataFolder data = TestDatabases.prepare(folder);
        Map<String, TableChecksums.TableSum> atBackup;
        BackupService.Backup backup;
        try (Database database = Database.open(data)) {
            TestIncidents.insert(database, TestIncidents.random(2_000, 11), ZoneId.of("Asia/Kuwait"));
            BackupService service = service(database);
            // The backup's own audit record is written after the copy, so compare with the state just before it.
            atBackup = TableChecksums.of(database);
            backup = service.create(Principal.BOOTSTRAP, "a long backup passphrase".toCharArray());
            TestIncidents.insert(database, TestIncidents.random(500, 12), ZoneId.of("Asia/Kuwait"));
            assertThat(TableChecksums.of(database)).isNotEqualTo(atBackup);
        }
        assertThat(FileEncryption.isEncrypted(backup.file())).isTrue();
        assertThat(new String(Files.readAllBytes(backup.file()), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as("no plaintext incident key in the encrypted backup").doesNotContain("K11-1");

        BackupService.RestoreResult result = BackupService.restore(data, backup.file(), "a long backup passphrase".toCharArray());
        assertThat(Files.exists(result.originalKeptAt())).isTrue();
        try (Database restored = Database.open(data)) {
            Map<String, TableChecksums.TableSum> now = TableChecksums.of(restored);
            atBackup.forEach((table, sum) -> assertThat(now.get(table)).as(table).isEqualTo(sum));
            assertThat(now.get("incident").rows()).isEqualTo(2_000);
        }
    }

    @Test
    void aDamagedOrWronglyKeyedBackupReplacesNothing() throws Exception {
        DataFolder data = TestDatabases.prepare(folder);
        BackupService.Backup backup;
        try (Database database = Database.open(data)) {
            TestIncidents.insert(database, TestIncidents.random(300, 13), ZoneId.of("Asia/Kuwait"));
            backup = service(database).create(Principal.BOOTSTRAP, "passphrase number one".toCharArray());
            TestIncidents.insert(database, TestIncidents.random(10, 14), ZoneId.of("Asia/Kuwait"));
        }
        byte[] before = Files.readAllBytes(data.databaseFile());
        assertThatThrownBy(() -> BackupService.restore(data, backup.file(), "another passphrase".toCharArray()))
                .isInstanceOf(IOException.class).hasMessageContaining("wrong passphrase");

        byte[] bytes = Files.readAllBytes(backup.file());
        bytes[bytes.length / 2] ^= 0x40;
        Path tampered = folder.resolve("tampered.zip.enc");
        Files.write(tampered, bytes);
        assertThatThrownBy(() -> BackupService.restore(data, tampered, "passphrase number one".toCharArray()))
                .isInstanceOf(IOException.class);

        Path truncated = folder.resolve("truncated.zip.enc");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(backup.file()), 4000));
        assertThatThrownBy(() -> BackupService.restore(data, truncated, "passphrase number one".toCharArray()))
                .isInstanceOf(IOException.class);

        assertThat(Files.readAllBytes(data.databaseFile())).isEqualTo(before);
    }

    @Test
    void retentionKeepsTheNewestBackups() {
        try (Database database = TestDatabases.open(folder)) {
            SettingsStore settings = new SettingsStore(database);
            settings.set(BackupService.KEEP, 2);
            MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
            BackupService service = new BackupService(database, clock, settings, new AuditLog(database, clock));
            for (int i = 0; i < 4; i++) {
                service.create(Principal.BOOTSTRAP, null);
                clock.advance(java.time.Duration.ofHours(1));
            }
            assertThat(service.list()).hasSize(2);
            assertThat(service.list().get(0).file().getFileName().toString()).contains("20250101-030000");
        }
    }

    private static BackupService service(Database database) {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));
        return new BackupService(database, clock, new SettingsStore(database), new AuditLog(database, clock));
    }

    @Test
    void aRestoreIsAuditedInTheRestoredDatabaseAndAFailedOneInTheUntouchedOne() throws Exception {
        DataFolder data = TestDatabases.prepare(folder);
        Principal ada = new Principal("ada", Role.ADMINISTRATOR);
        BackupService.Backup backup;
        try (Database database = Database.open(data)) {
            TestIncidents.insert(database, TestIncidents.random(200, 15), ZoneId.of("Asia/Kuwait"));
            backup = service(database).create(ada, null);
        }
        assertThatThrownBy(() -> BackupService.restore(data, new Principal("ann", Role.ANALYST), backup.file(), null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> BackupService.restore(data, ada, folder.resolve("missing.zip"), null))
                .isInstanceOf(IOException.class);
        BackupService.RestoreResult result = BackupService.restore(data, ada, backup.file(), null);
        try (Database restored = Database.open(data)) {
            AuditLog audit = new AuditLog(restored, java.time.Clock.systemUTC());
            AuditRecord last = audit.latest(1).get(0);
            assertThat(last.event()).isEqualTo("BACKUP_RESTORE");
            assertThat(last.username()).isEqualTo("ada");
            assertThat(last.outcome()).isEqualTo("SUCCESS");
            assertThat(last.object()).isEqualTo(backup.file().toAbsolutePath().toString());
            assertThat(last.details()).contains("rows verified").contains(result.originalKeptAt().toString());
            assertThat(audit.verify().intact()).isTrue();
        }
        // The failures and the refusal were recorded in the database as it was before the restore (kept aside).
        Files.createDirectories(folder.resolve("kept"));
        Files.copy(result.originalKeptAt(), folder.resolve("kept").resolve("khareetaty.mv.db"));
        try (Database original = Database.open(new DataFolder(folder.resolve("kept")))) {
            List<String> outcomes = new AuditLog(original, java.time.Clock.systemUTC()).latest(2).stream()
                    .filter(r -> r.event().equals("BACKUP_RESTORE")).map(AuditRecord::outcome).toList();
            assertThat(outcomes).containsExactly("FAILURE", "DENIED");
        }
    }
}
