package org.khareetaty.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.report.export.ExportFormat;
import org.khareetaty.store.Database;
import org.khareetaty.store.DatabaseFileEncryption;
import org.khareetaty.store.DatabasePasswordException;
import org.khareetaty.store.TableChecksums;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;

/**
 * H2's CIPHER=AES as the administrator's opt-in (ADR 0102): a verified conversion, a file password needed before
 * anything opens, H2GIS functions, the in-memory snapshot without its plaintext cache, backups, restore, and a scan
 * of the whole folder that finds the canary incident nowhere while the database is encrypted.
 */
class EncryptedDatabaseTest {

    private static final String CANARY = "CANARY-CIPHER-3f9a61";
    private static final String ADMIN_PASSWORD = "admin-of-the-cipher-26";
    private static final char[] FILE_PASSWORD = "file-password-for-h2-2026".toCharArray();

    @TempDir
    Path root;

    @Test
    void anEncryptedFolderOpensOnlyWithItsFilePasswordAndHoldsNoCanaryAnywhere() throws Exception {
        DataFolder data = TestDatabases.prepare(root.resolve("data"));
        Principal ada;
        Map<String, TableChecksums.TableSum> before;
        try (CoreServices core = CoreServices.open(data)) {
            core.users().create(Principal.BOOTSTRAP, "ada", "Ada", Role.ADMINISTRATOR, ADMIN_PASSWORD.toCharArray());
            ada = core.users().signIn("ada", ADMIN_PASSWORD.toCharArray());
            List<TestIncidents.Incident> incidents = new ArrayList<>(TestIncidents.random(2_000, 5));
            incidents.add(new TestIncidents.Incident(UUID.randomUUID(), CANARY, Instant.parse("2024-05-05T10:00:00Z"),
                    "THEFT", -75.16, 39.95));
            TestIncidents.insert(core.database(), incidents, ZoneId.of("America/New_York"));
            TestIncidents.insertBoxArea(core.database(), "district", "D1", -75.3, 39.8, -75.1, 40.1);
            core.snapshots().current();
            core.backups().create(ada, null);
            before = TableChecksums.of(core.database());
        }
        assertThat(data.cache().resolve("incident-snapshot.bin")).as("the plaintext cache before").exists();
        assertThatThrownBy(() -> DatabaseProtection.encrypt(data, new Principal("ann", Role.ANALYST), FILE_PASSWORD,
                PasswordPolicy.bundled())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> DatabaseProtection.encrypt(data, ada, "password".toCharArray(), PasswordPolicy.bundled()))
                .hasMessageContaining("common");

        DatabaseFileEncryption.Conversion conversion = DatabaseProtection.encrypt(data, ada, FILE_PASSWORD,
                PasswordPolicy.bundled());
        assertThat(conversion.encrypted()).isTrue();
        assertThat(conversion.plaintextBackups()).hasSize(1);
        assertThat(DatabaseFileEncryption.isEncrypted(data)).isTrue();
        assertThat(data.cache().resolve("incident-snapshot.bin")).as("the plaintext cache is wiped").doesNotExist();
        try (var files = Files.list(data.root())) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .noneMatch(name -> name.startsWith(".convert-") || name.contains("before-conversion"));
        }
        // The administrator deletes the backups made in the clear, as the conversion reported.
        conversion.plaintextBackups().forEach(file -> file.toFile().delete());

        assertThatThrownBy(() -> CoreServices.open(data)).isInstanceOf(DatabasePasswordException.class)
                .hasMessageContaining("encrypted");
        assertThatThrownBy(() -> CoreServices.open(data, "not-the-file-password".toCharArray()))
                .isInstanceOf(DatabasePasswordException.class).hasMessageContaining("Wrong file password");

        Path encryptedBackup;
        Path exports = Files.createDirectories(root.resolve("exports"));
        try (CoreServices core = CoreServices.open(data, FILE_PASSWORD)) {
            assertThat(core.database().encrypted()).isTrue();
            Map<String, TableChecksums.TableSum> after = TableChecksums.of(core.database());
            before.forEach((table, sum) -> {
                if (!table.equals("audit_log")) {
                    assertThat(after.get(table)).as(table).isEqualTo(sum);
                }
            });
            AuditRecord converted = core.audit().latest(1).get(0);
            assertThat(converted.event()).isEqualTo("DATABASE_ENCRYPT");
            assertThat(converted.outcome()).isEqualTo("SUCCESS");
            assertThat(converted.details()).contains("rows verified");
            assertThat(core.audit().verify().intact()).as(core.audit().verify().problem()).isTrue();
            assertThat(core.users().signIn("ada", ADMIN_PASSWORD.toCharArray()).role()).isEqualTo(Role.ADMINISTRATOR);
            long inside = core.database().withConnection(connection -> {
                try (var statement = connection.createStatement(); var rs = statement.executeQuery(
                        "SELECT COUNT(*) FROM incident i JOIN area a ON ST_Contains(a.geom, i.geom) WHERE a.code = 'D1'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(inside).as("H2GIS spatial predicates on the encrypted file").isPositive();
            assertThat(core.snapshots().current().size()).isEqualTo(2_001);
            assertThat(data.cache().resolve("incident-snapshot.bin")).as("no cache beside an encrypted database")
                    .doesNotExist();
            encryptedBackup = core.backups().create(ada, null).file();
            core.backups().create(ada, "backup-passphrase-77".toCharArray());
            core.exporter().exportIncidents(ada, IncidentFilter.ALL, ExportFormat.CSV, exports.resolve("incidents.csv"),
                    FileProtection.passphrase("export-passphrase-1".toCharArray()), TaskContext.NONE);
        }
        Map<String, byte[]> files = AtRestScan.files(root, data.root(), exports);
        assertThat(files.keySet()).anyMatch(name -> name.endsWith("khareetaty.mv.db"))
                .anyMatch(name -> name.contains("backups") && name.endsWith(".zip"))
                .anyMatch(name -> name.endsWith(".zip!khareetaty.mv.db"));
        assertThat(AtRestScan.filesContaining(files, CANARY)).as("the canary anywhere in the encrypted folder").isEmpty();

        BackupService.RestoreResult restored = BackupService.restore(data, ada, encryptedBackup, null, FILE_PASSWORD);
        assertThat(restored.tables().get("incident").rows()).isEqualTo(2_001);
        assertThat(DatabaseFileEncryption.isEncrypted(data)).as("a backup of an encrypted database restores encrypted")
                .isTrue();
        Files.delete(restored.originalKeptAt());

        DatabaseProtection.decrypt(data, ada, FILE_PASSWORD);
        assertThat(DatabaseFileEncryption.isEncrypted(data)).isFalse();
        try (Database plain = Database.open(data)) {
            assertThat(TableChecksums.of(plain).get("incident")).isEqualTo(before.get("incident"));
        }
        assertThat(AtRestScan.filesContaining(AtRestScan.files(root, data.root()), CANARY))
                .as("the scanner finds the canary once the file is decrypted").anyMatch(n -> n.endsWith("khareetaty.mv.db"));
    }
}
