package org.khareetaty.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.h2.mvstore.DataUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.DataFolder;
import org.khareetaty.core.CoreServices;
import org.khareetaty.store.Database;
import org.khareetaty.store.DatabaseFileEncryption;
import org.khareetaty.store.DatabasePasswordException;
import org.khareetaty.store.DatabaseUpgrade;
import org.khareetaty.store.DatabaseUpgradeRequiredException;
import org.khareetaty.store.LegacyDatabaseFixture;
import org.khareetaty.store.LegacyH2Engine;
import org.khareetaty.store.StoreException;
import org.khareetaty.store.TableChecksums;
import org.khareetaty.store.TestDatabases;

/**
 * The H2 file-format upgrade (ADR 0103) against real files written by H2 2.3.232: the previous engine runs the
 * product's own migrations in a class loader of its own ({@link LegacyDatabaseFixture}), the upgrade exports with that
 * engine and re-imports with the application's, and the result is compared with what the old engine saw.
 */
class DatabaseUpgradeTest {

    private static final String OLD_VERSION = "2.3.232";
    private static final Principal ADMIN = new Principal("admin", Role.ADMINISTRATOR);

    @TempDir
    Path temp;

    @Test
    void aDatabaseWrittenByTheOldEngineIsExportedReimportedVerifiedAndOpensInTheApp() throws Exception {
        Path root = temp.resolve("phl");
        Map<String, String> old = createWithOldEngine(root, null);
        assertThat(old.get("h2")).startsWith(OLD_VERSION);
        DataFolder folder = new DataFolder(root);
        String originalHash = sha256(folder.databaseFile());
        assertThat(DatabaseUpgrade.headerFormat(folder.databaseFile())).hasValue(3);

        List<String> steps = new ArrayList<>();
        DatabaseUpgrade.Result result = DatabaseUpgrades.upgrade(folder, ADMIN, null, LegacyH2Engine.installed(), steps::add);

        assertThat(result.fromVersion()).isEqualTo(OLD_VERSION);
        assertThat(result.toVersion()).isEqualTo(org.h2.engine.Constants.VERSION).isNotEqualTo(OLD_VERSION);
        assertThat(steps).anyMatch(s -> s.contains("H2 " + OLD_VERSION)).anyMatch(s -> s.startsWith("Verifying"));
        assertThat(result.originalKeptAt().getFileName().toString()).contains("h2-" + OLD_VERSION).contains("before-upgrade");
        assertThat(keptTables(result.originalKeptAt(), null)).as("the kept original, read by the old engine")
                .isEqualTo(withoutVersion(old));
        assertThat(sha256(folder.databaseFile())).isNotEqualTo(originalHash);
        assertThat(leftovers(root)).isEmpty();

        try (Database upgraded = Database.open(folder)) {
            assertThat(upgraded.createBuild()).isEqualTo(org.h2.engine.Constants.BUILD_ID);
            Map<String, String> now = new LinkedHashMap<>();
            TableChecksums.of(upgraded).forEach((table, sum) -> now.put(table, sum.rows() + ":" + sum.checksum()));
            Map<String, String> oldTables = new LinkedHashMap<>(old);
            oldTables.remove("h2");
            // The upgrade appended its own audit record; every other table is as the old engine saw it.
            assertThat(now.keySet()).isEqualTo(oldTables.keySet());
            oldTables.keySet().stream().filter(t -> !t.equals("audit_log"))
                    .forEach(t -> assertThat(now.get(t)).as(t).isEqualTo(oldTables.get(t)));
            assertThat(upgraded.rowCounts().get("audit_log")).isEqualTo(Long.parseLong(oldTables.get("audit_log").split(":")[0]) + 1);
            assertThat(upgraded.rowCounts().get("incident")).isEqualTo(LegacyDatabaseFixture.INCIDENTS);
            upgraded.withConnection(connection -> {
                try (Statement statement = connection.createStatement()) {
                    try (ResultSet rs = statement.executeQuery("SELECT content FROM source_blob WHERE sha256 = 'fixture'")) {
                        rs.next();
                        byte[] expected = new byte[LegacyDatabaseFixture.BLOB_BYTES];
                        new Random(3).nextBytes(expected);
                        assertThat(rs.getBytes(1)).isEqualTo(expected);
                    }
                    try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM incident i JOIN area a "
                            + "ON ST_Intersects(i.geom, a.geom) WHERE a.code = 'D1'")) {
                        rs.next();
                        assertThat(rs.getLong(1)).as("H2GIS over the upgraded geometries")
                                .isEqualTo(upgraded.rowCounts().get("incident_area")).isPositive();
                    }
                }
                return null;
            });
            AuditLog audit = new AuditLog(upgraded, java.time.Clock.systemUTC());
            assertThat(audit.verify().intact()).as(audit.verify().problem()).isTrue();
            assertThat(lastRecord(upgraded)).contains("admin", "DATABASE_UPGRADE", "SUCCESS", "H2 " + OLD_VERSION,
                    "rows verified", result.originalKeptAt().toString());
        }
        try (CoreServices core = CoreServices.open(folder)) {
            assertThat(core.database().rowCounts().get("incident")).isEqualTo(LegacyDatabaseFixture.INCIDENTS);
        }
        assertThatThrownBy(() -> DatabaseUpgrades.upgrade(folder, ADMIN, null, LegacyH2Engine.installed(), s -> { }))
                .hasMessageContaining("nothing to upgrade");
    }

    @Test
    void anEncryptedDatabaseIsUpgradedUnderItsFilePasswordAndNothingReachesTheDiskInTheClear() throws Exception {
        Path root = temp.resolve("encrypted");
        char[] password = "Upgrade-File-Password-2026".toCharArray();
        Map<String, String> old = createWithOldEngine(root, new String(password));
        DataFolder folder = new DataFolder(root);
        assertThat(DatabaseFileEncryption.isEncrypted(folder)).isTrue();
        assertThat(DatabaseUpgrade.headerFormat(folder.databaseFile())).isEmpty();

        assertThatThrownBy(() -> DatabaseUpgrades.upgrade(folder, ADMIN, null, LegacyH2Engine.installed(), s -> { }))
                .isInstanceOf(DatabasePasswordException.class);
        DatabaseUpgrade.Result result = DatabaseUpgrades.upgrade(folder, ADMIN, password, LegacyH2Engine.installed(), s -> { });

        assertThat(result.fromVersion()).isEqualTo(OLD_VERSION);
        assertThat(DatabaseFileEncryption.isEncrypted(folder)).as("the new file is encrypted too").isTrue();
        assertThat(DatabaseFileEncryption.isEncryptedFile(result.originalKeptAt())).isTrue();
        assertThatThrownBy(() -> Database.open(folder)).isInstanceOf(DatabasePasswordException.class);
        try (Database upgraded = Database.open(folder, password)) {
            assertThat(upgraded.createBuild()).isEqualTo(org.h2.engine.Constants.BUILD_ID);
            TableChecksums.of(upgraded).forEach((table, sum) -> {
                if (!table.equals("audit_log")) {
                    assertThat(sum.rows() + ":" + sum.checksum()).as(table).isEqualTo(old.get(table));
                }
            });
        }
        // The export was encrypted with the file password, and the work folder is gone: the fixture's street name
        // (in every incident) is nowhere in the folder.
        assertThat(leftovers(root)).isEmpty();
        assertThat(filesContaining(root, "100 BLOCK TEST ST")).isEmpty();
    }

    @Test
    void aCorruptedOldFileFailsWithAMessageAndStaysUntouched() throws Exception {
        Path root = temp.resolve("corrupt");
        createWithOldEngine(root, null);
        DataFolder folder = new DataFolder(root);
        byte[] bytes = Files.readAllBytes(folder.databaseFile());
        // Keep the two file headers, destroy every chunk after them.
        java.util.Arrays.fill(bytes, 8192, bytes.length, (byte) 0x5a);
        Files.write(folder.databaseFile(), bytes);
        String hash = sha256(folder.databaseFile());

        try (LegacyH2Engine engine = LegacyH2Engine.load(LegacyH2Engine.find(LegacyH2Engine.installed(), OLD_VERSION).orElseThrow())) {
            assertThatThrownBy(() -> DatabaseUpgrade.upgrade(folder, null, engine, s -> { }))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("H2 " + OLD_VERSION + " could not export")
                    .hasMessageContaining("Nothing was replaced; the original is untouched at " + folder.databaseFile());
        }
        assertThat(sha256(folder.databaseFile())).isEqualTo(hash);
        assertThat(leftovers(root)).isEmpty();
    }

    @Test
    void aFileInAFormatNoEngineReadsIsDetectedFromH2sRefusalAndLeftUntouched() throws Exception {
        Path root = temp.resolve("format2");
        createWithOldEngine(root, null);
        DataFolder folder = new DataFolder(root);
        rewriteHeaderFormat(folder.databaseFile(), 2);
        String hash = sha256(folder.databaseFile());
        assertThat(DatabaseUpgrade.headerFormat(folder.databaseFile())).hasValue(2);

        assertThatThrownBy(() -> Database.open(folder)).isInstanceOf(DatabaseUpgradeRequiredException.class);
        List<String> steps = new ArrayList<>();
        assertThatThrownBy(() -> CoreServices.openUpgrading(folder, null, steps::add))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("(file format 2)")
                .hasMessageContaining("None of the installed older engines can read it either (H2 " + OLD_VERSION)
                .hasMessageContaining("the original is untouched at " + folder.databaseFile());
        assertThat(steps).anyMatch(s -> s.contains("written by another H2 engine version"));
        assertThat(sha256(folder.databaseFile())).isEqualTo(hash);
        assertThat(leftovers(root)).isEmpty();
    }

    @Test
    void theStartPathFindsTheInstalledEngineThatReadsTheFile() throws Exception {
        Path root = temp.resolve("start");
        Map<String, String> old = createWithOldEngine(root, null);
        DataFolder folder = new DataFolder(root);
        String originalHash = sha256(folder.databaseFile());

        DatabaseUpgrade.Result result = DatabaseUpgrade.upgradeUnreadable(folder, null, LegacyH2Engine.installed(), s -> { });

        assertThat(sha256(result.originalKeptAt())).as("the original is kept byte for byte").isEqualTo(originalHash);
        assertThat(result.fromVersion()).isEqualTo(OLD_VERSION);
        assertThat(result.tables().get("incident").rows()).isEqualTo(LegacyDatabaseFixture.INCIDENTS);
        try (Database upgraded = Database.open(folder)) {
            assertThat(upgraded.createBuild()).isEqualTo(org.h2.engine.Constants.BUILD_ID);
            TableChecksums.of(upgraded).forEach((table, sum) -> assertThat(sum.rows() + ":" + sum.checksum()).as(table)
                    .isEqualTo(old.get(table)));
        }
        assertThatThrownBy(() -> DatabaseUpgrade.upgradeUnreadable(folder, null, List.of(), s -> { }))
                .hasMessageContaining("No older H2 engine is installed");
    }

    @Test
    void onlyAnAdministratorUpgradesAndARefusalIsAudited() throws Exception {
        Path root = temp.resolve("analyst");
        createWithOldEngine(root, null);
        DataFolder folder = new DataFolder(root);
        Principal analyst = new Principal("ana", Role.ANALYST);

        assertThatThrownBy(() -> DatabaseUpgrades.upgrade(folder, analyst, null, LegacyH2Engine.installed(), s -> { }))
                .isInstanceOf(AccessDeniedException.class);
        try (Database database = Database.open(folder)) {
            assertThat(lastRecord(database)).contains("ana", "DATABASE_UPGRADE", "DENIED");
            assertThat(database.createBuild()).as("still the old engine's file").isNotEqualTo(org.h2.engine.Constants.BUILD_ID);
        }
        try (Stream<Path> files = Files.list(root)) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("before-upgrade")).toList()).isEmpty();
        }
    }

    @Test
    void aDatabaseOfThisEngineHasNothingToUpgradeAndAMissingEngineIsNamed() throws Exception {
        try (Database database = TestDatabases.open(temp.resolve("current"))) {
            assertThat(DatabaseUpgrades.status(database).createBuild()).isEqualTo(org.h2.engine.Constants.BUILD_ID);
        }
        DataFolder current = new DataFolder(temp.resolve("current"));
        assertThatThrownBy(() -> DatabaseUpgrades.upgrade(current, ADMIN, null, LegacyH2Engine.installed(), s -> { }))
                .hasMessageContaining("nothing to upgrade");

        Path root = temp.resolve("no-engine");
        createWithOldEngine(root, null);
        DataFolder folder = new DataFolder(root);
        assertThatThrownBy(() -> DatabaseUpgrades.upgrade(folder, ADMIN, null, List.of(), s -> { }))
                .hasMessageContaining("No H2 engine of build 232")
                .hasMessageContaining("nothing was changed");
        try (Database database = Database.open(folder)) {
            assertThat(lastRecord(database)).contains("DATABASE_UPGRADE", "FAILURE", "No H2 engine of build 232");
            assertThat(DatabaseUpgrades.status(database).upgradable()).as("2.3.232 is installed in target/h2-legacy").isTrue();
        }
    }

    /** Runs {@link LegacyDatabaseFixture} with H2 2.3.232 in place of the application's H2. */
    private static Map<String, String> createWithOldEngine(Path root, String filePassword) throws Exception {
        Path jar = LegacyH2Engine.find(LegacyH2Engine.installed(), OLD_VERSION)
                .orElseThrow(() -> new AssertionError("H2 " + OLD_VERSION + " is not in " + LegacyH2Engine.directory()
                        + ": 'mvn process-classes' copies it there (maven-dependency-plugin)"));
        List<URL> urls = new ArrayList<>();
        urls.add(jar.toUri().toURL());
        for (String entry : testClassPath()) {
            if (!new File(entry).getName().startsWith("h2-")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader("old-h2-product", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(loader);
            try {
                @SuppressWarnings("unchecked")
                Map<String, String> seen = (Map<String, String>) loader.loadClass(LegacyDatabaseFixture.class.getName())
                        .getMethod("create", String.class, String.class).invoke(null, root.toString(), filePassword);
                loader.loadClass("org.h2.Driver").getMethod("unload").invoke(null);
                return new LinkedHashMap<>(seen);
            } finally {
                thread.setContextClassLoader(before);
            }
        }
    }

    /** The test class path; under surefire's manifest-only jar, the entries of its Class-Path. */
    private static List<String> testClassPath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (new File(entry).getName().startsWith("surefirebooter")) {
                try (JarFile booter = new JarFile(entry)) {
                    for (String url : booter.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                        entries.add(new File(new URL(url).toURI()).getPath());
                    }
                }
            } else {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** Sets the MVStore format in both file headers, with a correct header checksum, as an engine of that format would. */
    private static void rewriteHeaderFormat(Path file, int format) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        for (int block : new int[] {0, 4096}) {
            int end = block;
            while (bytes[end] != '\n') {
                end++;
            }
            String header = new String(bytes, block, end - block, StandardCharsets.ISO_8859_1);
            String body = header.substring(0, header.lastIndexOf(",fletcher:")).replaceFirst("format:\\d+", "format:" + format);
            byte[] text = body.getBytes(StandardCharsets.ISO_8859_1);
            String rewritten = body + ",fletcher:" + String.format("%08x", DataUtils.getFletcher32(text, 0, text.length)) + "\n";
            java.util.Arrays.fill(bytes, block, block + 4096, (byte) 0);
            byte[] out = rewritten.getBytes(StandardCharsets.ISO_8859_1);
            System.arraycopy(out, 0, bytes, block, out.length);
        }
        Files.write(file, bytes);
    }

    /** What the old engine reads in a kept original (copied into a folder of its own, read-only). */
    private static Map<String, String> keptTables(Path kept, char[] filePassword) throws Exception {
        Path copy = Files.createTempDirectory("kept-original-");
        try {
            Files.copy(kept, copy.resolve("khareetaty.mv.db"));
            try (LegacyH2Engine engine = LegacyH2Engine.load(LegacyH2Engine.find(LegacyH2Engine.installed(), OLD_VERSION).orElseThrow())) {
                return engine.call(e -> {
                    try (java.sql.Connection connection = e.openReadOnly(copy.resolve("khareetaty"), filePassword)) {
                        Map<String, String> tables = new LinkedHashMap<>();
                        TableChecksums.of(connection).forEach((table, sum) -> tables.put(table, sum.rows() + ":" + sum.checksum()));
                        return tables;
                    }
                });
            }
        } finally {
            try (Stream<Path> files = Files.walk(copy)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static Map<String, String> withoutVersion(Map<String, String> seen) {
        Map<String, String> tables = new LinkedHashMap<>(seen);
        tables.remove("h2");
        return tables;
    }

    private static String lastRecord(Database database) {
        return database.withConnection(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT username, event, outcome, details FROM audit_log ORDER BY seq DESC LIMIT 1")) {
                rs.next();
                return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4);
            }
        });
    }

    private static List<Path> leftovers(Path root) throws Exception {
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(f -> f.getFileName().toString().startsWith(".upgrade-")).toList();
        }
    }

    private static List<Path> filesContaining(Path root, String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(file);
                for (int i = 0; i + needle.length <= content.length; i++) {
                    if (java.util.Arrays.equals(content, i, i + needle.length, needle, 0, needle.length)) {
                        found.add(file);
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
