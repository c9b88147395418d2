package org.khareetaty.sync;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;

/** Opens connections to the central server with the configured TLS, and creates or updates its schema. */
public final class ServerConnector {

    /** Server migrations live apart from the workstation's. */
    public static final String SERVER_MIGRATIONS = "classpath:db/server";
    /** The server schema this version syncs with: the highest migration in {@link #SERVER_MIGRATIONS}. */
    public static final int SERVER_SCHEMA_VERSION = 3;

    private ServerConnector() {
    }

    public static Connection connect(ServerConfig config) {
        try {
            return DriverManager.getConnection(config.url(), properties(config));
        } catch (SQLException e) {
            throw new SyncException("Cannot connect to " + config.url() + ": " + reason(e), e);
        }
    }

    static Properties properties(ServerConfig config) {
        Properties properties = new Properties();
        PGProperty.USER.set(properties, config.username());
        PGProperty.PASSWORD.set(properties, config.password() == null ? "" : config.password());
        PGProperty.APPLICATION_NAME.set(properties, "khareetaty-sync");
        PGProperty.CONNECT_TIMEOUT.set(properties, 10);
        // A stalled connection must fail the sync (it resumes next time), not hang it forever.
        PGProperty.SOCKET_TIMEOUT.set(properties, 120);
        PGProperty.TCP_KEEP_ALIVE.set(properties, true);
        // Push chunks are staged in temporary tables: keep a chunk in memory instead of spilling it (default 8 MB);
        // no JIT: sync statements are short, compiling them costs more than it saves.
        PGProperty.OPTIONS.set(properties, "-c temp_buffers=64MB -c jit=off");
        if (config.tls() == ServerConfig.TlsMode.VERIFY_FULL) {
            PGProperty.SSL.set(properties, true);
            PGProperty.SSL_MODE.set(properties, "verify-full");
            if (config.caFile() != null) {
                if (!Files.isReadable(config.caFile())) {
                    throw new SyncException("The CA file " + config.caFile() + " cannot be read");
                }
                PGProperty.SSL_ROOT_CERT.set(properties, config.caFile().toString());
            } else {
                // No CA file: trust the CAs the JVM trusts, still verifying the host name.
                PGProperty.SSL_FACTORY.set(properties, "org.postgresql.ssl.DefaultJavaSSLFactory");
            }
        } else {
            PGProperty.SSL_MODE.set(properties, "disable");
        }
        return properties;
    }

    /**
     * Refuses, before anything is sent, a server whose schema is missing or older than this version's: a server set
     * up by an earlier version fails half-way through a push otherwise (e.g. "column bulk_seq does not exist").
     */
    public static void requireCurrentSchema(Connection pg, ServerConfig config) {
        int version;
        try (Statement statement = pg.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT MAX(CAST(version AS INT)) FROM flyway_schema_history WHERE success")) {
            version = rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw new SyncException("The server at " + config.url() + " has no Khareetaty schema yet: an administrator "
                    + "runs `khareetaty server init` once (nothing was sent)", e);
        }
        if (version < SERVER_SCHEMA_VERSION) {
            throw new SyncException("The server at " + config.url() + " has schema version " + version
                    + "; this version of Khareetaty needs " + SERVER_SCHEMA_VERSION + ". An administrator runs "
                    + "`khareetaty server init` to upgrade it (nothing was sent)");
        }
        if (version > SERVER_SCHEMA_VERSION) {
            throw new SyncException("The server at " + config.url() + " has schema version " + version
                    + ", newer than this version of Khareetaty knows (" + SERVER_SCHEMA_VERSION
                    + "): update Khareetaty on this workstation (nothing was sent)");
        }
    }

    /** Brings the server schema up to date; returns the number of migrations applied. */
    public static int initSchema(ServerConfig config) {
        try {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(config.url());
            Properties properties = properties(config);
            for (String name : properties.stringPropertyNames()) {
                dataSource.setProperty(name, properties.getProperty(name));
            }
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(SERVER_MIGRATIONS)
                    .load().migrate();
            return result.migrationsExecuted;
        } catch (SQLException | RuntimeException e) {
            throw new SyncException("Cannot create the server schema at " + config.url() + ": " + reason(e), e);
        }
    }

    static String reason(Throwable e) {
        Throwable cause = e;
        String message = e.getMessage();
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
