package org.khareetaty.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.khareetaty.common.FileTrees;
import org.khareetaty.common.DataFolder;
import org.khareetaty.store.TableChecksums.TableSum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a data folder's database to the application's H2 engine by export and re-import (ADR 0103): an older engine
 * ({@link LegacyH2Engine}, its own class loader, the original opened read-only) counts and checksums every table and
 * writes the whole database as a compressed script ({@code SCRIPT TO}, encrypted with the file password when the
 * database is); the application's engine runs the script into a new file beside it, counts and checksums it again
 * and checks an H2GIS function, the application opens it (schema migrations included); only then is the original
 * renamed to {@code khareetaty.mv.db.h2-<old version>-before-upgrade-<time>} (kept) and the new file put in its
 * place. On any failure nothing is replaced and the message says what failed and where the original is.
 */
public final class DatabaseUpgrade {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUpgrade.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern HEADER_FORMAT = Pattern.compile("(?:^|,)format:([0-9a-fA-F]+)(?:,|$)");

    /** What an upgrade verified and where the original went. */
    public record Result(String fromVersion, String toVersion, Map<String, TableSum> tables, Path originalKeptAt) {
        public long rows() {
            return tables.values().stream().mapToLong(TableSum::rows).sum();
        }
    }

    private DatabaseUpgrade() {
    }

    /** The application's own H2 engine, e.g. "2.4.240". */
    public static String currentVersion() {
        return org.h2.engine.Constants.VERSION;
    }

    public static int currentBuild() {
        return org.h2.engine.Constants.BUILD_ID;
    }

    /**
     * The MVStore file format in the file's header ({@code format:3}), or empty when the file is encrypted (the
     * header is then ciphertext), missing, or not an H2 MVStore file.
     */
    public static OptionalInt headerFormat(Path file) {
        if (!Files.isRegularFile(file) || DatabaseFileEncryption.isEncryptedFile(file)) {
            return OptionalInt.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            String header = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
            int end = header.indexOf('\n');
            if (!header.startsWith("H:2,") || end < 0) {
                return OptionalInt.empty();
            }
            Matcher format = HEADER_FORMAT.matcher(header.substring(0, end));
            return format.find() ? OptionalInt.of(Integer.parseInt(format.group(1), 16)) : OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * The start path: the application's engine refused the file as written by another engine version, so each
     * installed legacy engine (newest first) is tried until one opens it; that one exports it.
     */
    public static Result upgradeUnreadable(DataFolder folder, char[] filePassword, List<Path> engines, Consumer<String> progress) {
        if (engines.isEmpty()) {
            throw new StoreException(cannotOpen(folder) + " No older H2 engine is installed in " + LegacyH2Engine.directory()
                    + " to export it. The original is untouched at " + folder.databaseFile() + ".");
        }
        List<String> refusals = new ArrayList<>();
        for (Path jar : engines) {
            try (LegacyH2Engine engine = LegacyH2Engine.load(jar)) {
                boolean opens = engine.call(e -> {
                    try (Connection connection = e.openReadOnly(folder.databaseBase(), filePassword)) {
                        return true;
                    } catch (SQLException refused) {
                        refusals.add("H2 " + e.version() + ": " + firstLine(refused.getMessage()));
                        return false;
                    }
                });
                if (opens) {
                    return upgrade(folder, filePassword, engine, progress);
                }
            } catch (SQLException | StoreException e) {
                refusals.add(jar.getFileName() + ": " + firstLine(e.getMessage()));
            }
        }
        throw new StoreException(cannotOpen(folder) + " None of the installed older engines can read it either ("
                + String.join("; ", refusals) + "). Nothing was changed; the original is untouched at "
                + folder.databaseFile() + ".");
    }

    private static String cannotOpen(DataFolder folder) {
        OptionalInt format = headerFormat(folder.databaseFile());
        return "H2 " + currentVersion() + " cannot read " + folder.databaseFile()
                + (format.isPresent() ? " (file format " + format.getAsInt() + ")" : "") + ".";
    }

    /** Exports the folder's database with {@code engine} and re-imports it with the application's engine. */
    public static Result upgrade(DataFolder folder, char[] filePassword, LegacyH2Engine engine, Consumer<String> progress) {
        Path original = folder.databaseFile();
        if (!Files.isRegularFile(original)) {
            throw new StoreException("There is no database in " + folder.root() + " to upgrade.");
        }
        String failure = "Nothing was replaced; the original is untouched at " + original + ".";
        Path work = null;
        try (FolderLock ignored = FolderLock.acquire(folder.root())) {
            boolean encrypted = filePassword != null;
            checkFreeSpace(folder, original, encrypted ? 3 : 2, failure);
            work = Files.createTempDirectory(folder.root(), ".upgrade-");
            Path script = work.resolve("export.sql.deflate");
            Path source = folder.databaseBase();
            if (encrypted) {
                // H2 writes an encrypted script through the database's own file layer, which a read-only database
                // refuses: the old engine gets a copy (encrypted like the original) and the original stays untouched.
                progress.accept("Copying the encrypted database for the old engine …");
                Path copy = Files.createDirectories(work.resolve("original"));
                Files.copy(original, copy.resolve(original.getFileName()));
                source = copy.resolve(folder.databaseBase().getFileName());
            }
            Path exported = source;
            progress.accept("Exporting " + original.getFileName() + " with H2 " + engine.version() + " …");
            Map<String, TableSum> expected;
            try {
                expected = engine.call(e -> export(e, exported, filePassword, script));
            } catch (SQLException e) {
                throw new StoreException("H2 " + engine.version() + " could not export the database: "
                        + firstLine(e.getMessage()) + ". " + failure, e);
            }
            if (encrypted) {
                deleteTree(source.getParent());
            }
            DataFolder upgraded = new DataFolder(Files.createDirectories(work.resolve("upgraded")));
            progress.accept("Importing into a new file with H2 " + currentVersion() + " …");
            Map<String, TableSum> found;
            try {
                found = reimport(upgraded.databaseBase(), filePassword, script);
            } catch (SQLException e) {
                throw new StoreException("H2 " + currentVersion() + " could not import the export of H2 "
                        + engine.version() + ": " + firstLine(e.getMessage()) + ". " + failure, e);
            }
            Files.deleteIfExists(script);
            progress.accept("Verifying " + expected.size() + " tables …");
            verify(expected, found, failure);
            try (Database opened = Database.open(upgraded, filePassword)) {
                LOG.info("The upgraded database opens with schema version {}", opened.schemaVersion());
            } catch (RuntimeException e) {
                throw new StoreException("The upgraded database does not open in this version of Khareetaty: "
                        + firstLine(e.getMessage()) + ". " + failure, e);
            }
            Path kept = original.resolveSibling(original.getFileName() + ".h2-" + engine.version() + "-before-upgrade-"
                    + STAMP.format(Instant.now()));
            progress.accept("Replacing the database file …");
            swap(original, upgraded.databaseFile(), kept);
            LOG.info("Upgraded {} from H2 {} to H2 {}: {} tables verified; original kept at {}", original,
                    engine.version(), currentVersion(), expected.size(), kept);
            return new Result(engine.version(), currentVersion(), expected, kept);
        } catch (IOException e) {
            throw new StoreException("Cannot upgrade the database in " + folder.root() + ": " + e.getMessage() + ". "
                    + failure, e);
        } finally {
            deleteTree(work);
        }
    }

    /** Counts and checksums every table and writes the whole database as a compressed (and, if so, encrypted) script. */
    private static Map<String, TableSum> export(LegacyH2Engine engine, Path base, char[] filePassword, Path script)
            throws SQLException {
        try (Connection connection = engine.open(base, filePassword, filePassword == null)) {
            Map<String, TableSum> sums = TableChecksums.of(connection);
            try (PreparedStatement statement = connection.prepareStatement("SCRIPT TO ? COMPRESSION DEFLATE"
                    + (filePassword == null ? "" : " CIPHER AES PASSWORD ?"))) {
                bind(statement, script, filePassword);
                statement.execute();
            }
            return sums;
        }
    }

    /** Runs the script into a new database file and returns what it then holds; also checks an H2GIS function. */
    private static Map<String, TableSum> reimport(Path base, char[] filePassword, Path script) throws SQLException {
        try (Connection connection = DriverManager.getConnection(Database.jdbcUrl(base) + ";TRACE_LEVEL_FILE=0"
                + (filePassword == null ? "" : ";CIPHER=AES"), "sa", filePassword == null ? "" : new String(filePassword) + " ")) {
            try (PreparedStatement statement = connection.prepareStatement("RUNSCRIPT FROM ? COMPRESSION DEFLATE"
                    + (filePassword == null ? "" : " CIPHER AES PASSWORD ?"))) {
                bind(statement, script, filePassword);
                statement.execute();
            }
            Map<String, TableSum> sums = TableChecksums.of(connection);
            DatabaseFileEncryption.checkSpatialFunctions(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            }
            return sums;
        }
    }

    private static void bind(PreparedStatement statement, Path script, char[] filePassword) throws SQLException {
        statement.setString(1, script.toAbsolutePath().toString());
        if (filePassword != null) {
            statement.setString(2, new String(filePassword));
        }
    }

    private static void verify(Map<String, TableSum> expected, Map<String, TableSum> found, String failure) {
        if (!expected.keySet().equals(found.keySet())) {
            throw new StoreException("The upgraded database does not verify: it has the tables " + found.keySet()
                    + " instead of " + expected.keySet() + ". " + failure);
        }
        for (Map.Entry<String, TableSum> table : expected.entrySet()) {
            if (!table.getValue().equals(found.get(table.getKey()))) {
                throw new StoreException("The upgraded database does not verify: table " + table.getKey() + " should have "
                        + table.getValue() + " but has " + found.get(table.getKey()) + ". " + failure);
            }
        }
    }

    /** The export, the new file (and for an encrypted database the old engine's copy) each need up to the original's size. */
    private static void checkFreeSpace(DataFolder folder, Path original, int copies, String failure) throws IOException {
        long needed = copies * Files.size(original) + (64L << 20);
        long usable = Files.getFileStore(folder.root()).getUsableSpace();
        if (usable < needed) {
            throw new StoreException("Not enough free disk space in " + folder.root() + " to upgrade the database: "
                    + (needed >> 20) + " MB needed, " + (usable >> 20) + " MB free. " + failure);
        }
    }

    /**
     * Renames the original (kept) and moves the verified file into its place, both within the folder; when the second
     * rename fails the original is renamed back.
     */
    private static void swap(Path original, Path verified, Path kept) throws IOException {
        Files.move(original, kept, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(verified, original, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(kept, original, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
    }

    private static String firstLine(String message) {
        String text = Objects.requireNonNullElse(message, "no message");
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static void deleteTree(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            LOG.warn("Cannot delete the upgrade folder {}: {}", root, e.getMessage());
        }
    }
}
