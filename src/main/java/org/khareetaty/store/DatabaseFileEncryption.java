package org.khareetaty.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.khareetaty.common.FileTrees;
import org.h2.tools.ChangeFileEncryption;
import org.khareetaty.common.DataFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a data folder's database file to or from H2's file encryption ({@code CIPHER=AES}, ADR 0102) with the
 * folder closed: the file is copied, the copy converted with H2's {@link ChangeFileEncryption}, opened, and checked
 * (every table's row count and checksum, and an H2GIS function) before it replaces the original. When encrypting,
 * the plaintext original and the plaintext derived copies (snapshot cache, H2 trace file) are overwritten and
 * deleted. H2's cipher is AES-128 with a weak key derivation and no integrity check: defence in depth only, never a
 * replacement for full-disk encryption.
 */
public final class DatabaseFileEncryption {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFileEncryption.class);
    /** The first bytes H2 writes to a file it encrypts: the folder's marker that a file password is needed. */
    private static final byte[] HEADER = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);

    /** What a conversion verified and what the administrator must still deal with. */
    public record Conversion(Map<String, TableChecksums.TableSum> tables, boolean encrypted, List<Path> plaintextBackups) {
    }

    private DatabaseFileEncryption() {
    }

    /** Whether the folder's database file exists and is encrypted (it then starts with H2's encryption header). */
    public static boolean isEncrypted(DataFolder folder) {
        return isEncryptedFile(folder.databaseFile());
    }

    public static boolean isEncryptedFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(HEADER.length), HEADER);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Encrypts an unencrypted database under {@code filePassword}. */
    public static Conversion encrypt(DataFolder folder, char[] filePassword) {
        if (isEncrypted(folder)) {
            throw new IllegalStateException("The database in " + folder.root() + " is already encrypted.");
        }
        return convert(folder, null, filePassword);
    }

    /** Turns the file encryption off again (the file password is needed). */
    public static Conversion decrypt(DataFolder folder, char[] filePassword) {
        if (!isEncrypted(folder)) {
            throw new IllegalStateException("The database in " + folder.root() + " is not encrypted.");
        }
        return convert(folder, filePassword, null);
    }

    private static Conversion convert(DataFolder folder, char[] from, char[] to) {
        if (!Files.isRegularFile(folder.databaseFile())) {
            throw new StoreException("There is no database in " + folder.root());
        }
        Map<String, TableChecksums.TableSum> expected;
        try (Database original = Database.open(folder, from)) {
            expected = TableChecksums.of(original);
        }
        Path work = null;
        try {
            work = Files.createTempDirectory(folder.root(), ".convert-");
            DataFolder copy = new DataFolder(work);
            Files.copy(folder.databaseFile(), copy.databaseFile());
            ChangeFileEncryption.execute(work.toString(), "khareetaty", "AES", from, to, true);
            try (Database converted = Database.open(copy, to)) {
                Map<String, TableChecksums.TableSum> found = TableChecksums.of(converted);
                for (Map.Entry<String, TableChecksums.TableSum> table : expected.entrySet()) {
                    if (!table.getValue().equals(found.get(table.getKey()))) {
                        throw new StoreException("The converted database does not verify: table " + table.getKey()
                                + " should have " + table.getValue() + " but has " + found.get(table.getKey())
                                + ". Nothing was replaced.");
                    }
                }
                checkSpatialFunctions(converted);
            }
            replace(folder, copy.databaseFile(), to != null);
            LOG.info("The database in {} is now {}", folder.root(), to != null ? "encrypted (CIPHER=AES)" : "unencrypted");
            return new Conversion(expected, to != null, to != null ? plaintextBackups(folder) : List.of());
        } catch (IOException e) {
            throw new StoreException("Cannot convert the database in " + folder.root() + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new StoreException("H2 could not convert the database in " + folder.root() + ": " + e.getMessage(), e);
        } finally {
            deleteTree(work);
        }
    }

    private static void checkSpatialFunctions(Database database) {
        database.withConnection(connection -> {
            checkSpatialFunctions(connection);
            return null;
        });
    }

    /** Fails unless the database answers an H2GIS function correctly (its spatial functions came along). */
    static void checkSpatialFunctions(java.sql.Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT ST_Area(ST_Buffer(ST_GeomFromText('POINT(0 0)'), 1))")) {
            rs.next();
            if (rs.getDouble(1) < 3) {
                throw new StoreException("The converted database answers H2GIS functions wrongly. Nothing was replaced.");
            }
        }
    }

    /**
     * Puts the verified file in place with one atomic rename. When encrypting, a hard link keeps the plaintext
     * original reachable just long enough to overwrite it with zeros before it is deleted (on SSDs and copy-on-write
     * file systems old blocks may survive: that is what full-disk encryption is for).
     */
    private static void replace(DataFolder folder, Path verified, boolean wipeOriginal) throws IOException {
        try (FolderLock ignored = FolderLock.acquire(folder.root())) {
            Path current = folder.databaseFile();
            Path old = current.resolveSibling(current.getFileName() + ".before-conversion");
            Files.deleteIfExists(old);
            if (wipeOriginal) {
                try {
                    Files.createLink(old, current);
                } catch (UnsupportedOperationException | IOException noLinks) {
                    Files.copy(current, old);
                }
            }
            Files.move(verified, current, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (wipeOriginal) {
                wipe(old);
                wipe(folder.cache().resolve(IncidentSnapshots.CACHE_FILE));
                wipe(folder.root().resolve("khareetaty.trace.db"));
            }
        }
    }

    /** Overwrites a file with zeros (synced) and deletes it; nothing happens when it does not exist. */
    static void wipe(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        long size = Files.size(file);
        byte[] zeros = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
            for (long written = 0; written < size; written += zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, size - written));
            }
        }
        Files.delete(file);
    }

    /** Unencrypted backups made before: they still hold the data in the clear. */
    private static List<Path> plaintextBackups(DataFolder folder) throws IOException {
        if (!Files.isDirectory(folder.backups())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder.backups())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zip")).sorted().toList();
        }
    }

    private static void deleteTree(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            LOG.warn("Cannot delete the conversion folder {}: {}", root, e.getMessage());
        }
    }
}
