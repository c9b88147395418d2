package org.khareetaty.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcConnectionPool;
import org.khareetaty.common.DataFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workstation's embedded H2GIS database: one file per data folder, opened by one process at a time,
 * migrated by Flyway on open. Commits are written to the file before {@code commit()} returns
 * (WRITE_DELAY=0), so a save the user saw succeed survives a crash of the application.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String[] MIGRATIONS = {"classpath:db/migration", "classpath:org/khareetaty/store/migration"};

    private final DataFolder folder;
    private final FolderLock lock;
    private final JdbcConnectionPool pool;
    private final Flyway flyway;
    private final boolean encrypted;

    private Database(DataFolder folder, FolderLock lock, JdbcConnectionPool pool, Flyway flyway, boolean encrypted) {
        this.folder = folder;
        this.lock = lock;
        this.pool = pool;
        this.flyway = flyway;
        this.encrypted = encrypted;
    }

    /** Opens (creating if needed) the database of a data folder and brings its schema up to date. */
    public static Database open(DataFolder folder) {
        return open(folder, null);
    }

    /**
     * As above; when the folder's database file is encrypted with H2's {@code CIPHER=AES} (ADR 0102)
     * {@code filePassword} must be its file password (it is ignored for an unencrypted file).
     */
    public static Database open(DataFolder folder, char[] filePassword) {
        boolean encrypted = DatabaseFileEncryption.isEncrypted(folder);
        if (encrypted && (filePassword == null || filePassword.length == 0)) {
            throw new DatabasePasswordException("The database in " + folder.root() + " is encrypted: give its file "
                    + "password (window: the dialog at start; command line: KHAREETATY_DB_PASSWORD or the prompt).");
        }
        FolderLock lock = FolderLock.acquire(folder.root());
        JdbcConnectionPool pool = null;
        try {
            pool = encrypted
                    ? JdbcConnectionPool.create(jdbcUrl(folder.databaseBase()) + ";CIPHER=AES", "sa",
                            new String(filePassword) + " ")
                    : JdbcConnectionPool.create(jdbcUrl(folder.databaseBase()), "sa", "");
            pool.setMaxConnections(32);
            Flyway flyway = Flyway.configure()
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .outOfOrder(true)
                    .load();
            flyway.migrate();
            LOG.info("Opened database {}{}", folder.databaseFile(), encrypted ? " (CIPHER=AES)" : "");
            return new Database(folder, lock, pool, flyway, encrypted);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.dispose();
            }
            closeLock(lock);
            if (writtenByAnotherEngine(e)) {
                throw new DatabaseUpgradeRequiredException("The database in " + folder.root() + " was written by "
                        + "another H2 engine version than this one (" + DatabaseUpgrade.currentVersion() + "): "
                        + rootMessage(e), e);
            }
            if (encrypted && wrongPassword(e)) {
                throw new DatabasePasswordException("Wrong file password for the encrypted database in " + folder.root());
            }
            throw new StoreException("Cannot open the database in " + folder.root() + ": " + rootMessage(e), e);
        }
    }

    static String jdbcUrl(Path base) {
        // WRITE_DELAY=0: write each commit at once instead of H2's default 500 ms delay.
        // DB_CLOSE_ON_EXIT=FALSE: we close in order ourselves; a JVM exit hook racing us would corrupt nothing
        // but would turn a clean shutdown into a recovery on next open.
        return "jdbc:h2:file:" + base.toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static void closeLock(FolderLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("Cannot release the data folder lock", e);
        }
    }

    public DataFolder folder() {
        return folder;
    }

    /** Whether the file is encrypted with H2's CIPHER=AES (then no plaintext derived copies may be written). */
    public boolean encrypted() {
        return encrypted;
    }

    /**
     * H2's own verdict that the file's format is not this engine's: FILE_VERSION_ERROR, or the MVStore's
     * "unsupported format" (read format outside the range this engine reads) under any wrapper.
     */
    private static boolean writtenByAnotherEngine(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == org.h2.api.ErrorCode.FILE_VERSION_ERROR_1) {
                return true;
            }
            if (cause instanceof org.h2.mvstore.MVStoreException store
                    && store.getErrorCode() == org.h2.mvstore.DataUtils.ERROR_UNSUPPORTED_FORMAT) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The build of the H2 engine that created this database file (e.g. 232 for H2 2.3.232). */
    public int createBuild() {
        return withConnection(connection -> {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'CREATE_BUILD'")) {
                return rs.next() ? Integer.parseInt(rs.getString(1)) : DatabaseUpgrade.currentBuild();
            }
        });
    }

    private static boolean wrongPassword(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && (sql.getErrorCode() == org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD
                    || sql.getErrorCode() == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1
                    || sql.getErrorCode() == org.h2.api.ErrorCode.FILE_CORRUPTED_1)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * Runs read-only work whose queries stream their results (H2's lazy query execution) instead of first
     * copying them whole into a temporary result, which spills to disk beyond a few ten thousand rows: reading
     * every incident that way took twice as long as the reading itself.
     */
    public <T> T withStreamingResults(SqlWork<T> work) {
        return withConnection(connection -> {
            setStreamingResults(connection, true);
            try {
                return work.run(connection);
            } finally {
                setStreamingResults(connection, false);
            }
        });
    }

    /** Turns streamed results on or off for a connection; off is H2's default, which the rest of the product expects. */
    public static void setStreamingResults(Connection connection, boolean streaming) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION " + streaming);
        }
    }

    /** Runs read-only or auto-committed work on a pooled connection. */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Database error: " + e.getMessage(), e);
        }
    }

    /** Runs work in one transaction: all of it is committed, or none of it when it throws. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Database error: " + e.getMessage(), e);
        }
    }

    /** The applied schema version, e.g. "1". */
    public String schemaVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? "none" : current.getVersion().getVersion();
    }

    /** Migrations on the classpath that are not applied yet (0 when the schema is current). */
    public int pendingMigrations() {
        return flyway.info().pending().length;
    }

    /** Checks that applied migrations match the ones this version of the app ships. */
    public void validateSchema() {
        flyway.validate();
    }

    /** Rows per application table, read by scanning each table (which also checks its pages are readable). */
    public Map<String, Long> rowCounts() {
        return withConnection(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String name : TableChecksums.applicationTables(connection)) {
                try (Statement count = connection.createStatement();
                        ResultSet rs = count.executeQuery("SELECT COUNT(*) FROM " + TableChecksums.quoted(name))) {
                    rs.next();
                    counts.put(name.toLowerCase(java.util.Locale.ROOT), rs.getLong(1));
                }
            }
            return counts;
        });
    }

    /** A consistent online copy of the database into a zip file (H2's BACKUP TO); writers are not blocked for long. */
    public void backupTo(Path zip) {
        withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            return null;
        });
    }

    /**
     * Replaces the database file of a folder nobody has open with a verified file, keeping the original
     * beside it as {@code khareetaty.mv.db.before-restore-<time>}; returns where the original went.
     */
    public static Path replaceFile(DataFolder folder, Path verifiedFile) {
        try (FolderLock ignored = FolderLock.acquire(folder.root())) {
            Path current = folder.databaseFile();
            Path kept = current.resolveSibling(current.getFileName() + ".before-restore-"
                    + java.time.Instant.now().toString().replace(':', '-'));
            if (java.nio.file.Files.exists(current)) {
                java.nio.file.Files.move(current, kept);
            }
            java.nio.file.Files.copy(verifiedFile, current);
            return kept;
        } catch (IOException e) {
            throw new StoreException("Cannot replace the database in " + folder.root() + ": " + e.getMessage(), e);
        }
    }

    public long fileSizeBytes() {
        try {
            return java.nio.file.Files.size(folder.databaseFile());
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.warn("Database did not shut down cleanly; it will recover on next open", e);
        } finally {
            pool.dispose();
            closeLock(lock);
        }
    }
}
