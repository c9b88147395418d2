package org.khareetaty.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 15 + PostGIS 3 server for tests: initdb in a temporary folder, TLS with a throw-away CA,
 * a loopback port, stopped and deleted afterwards. initdb refuses to run as root, so as root every server
 * command runs as the {@code postgres} system user. Where the binaries are missing the tests are skipped with
 * a loud message (set KHAREETATY_REQUIRE_POSTGRES=1 to fail instead, as CI does after installing them).
 */
final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
    static final String ADMIN = "khareetaty_admin";
    static final String APP_USER = "khareetaty_app";
    static final String APP_PASSWORD = "s3cret-for-tests-only";
    static final String DATABASE = "khareetaty";

    private final Path dir;
    private final Path bin;
    private final boolean asPostgresUser;
    private final int port;

    private PostgresServer(Path dir, Path bin, boolean asPostgresUser, int port) {
        this.dir = dir;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    static Path binariesOrSkip() {
        Path bin = Path.of(System.getenv().getOrDefault("KHAREETATY_PG_BIN", "/usr/lib/postgresql/15/bin"));
        boolean postgis = Files.exists(Path.of("/usr/share/postgresql/15/extension/postgis.control"))
                || System.getenv("KHAREETATY_PG_BIN") != null;
        if (!Files.isExecutable(bin.resolve("initdb")) || !postgis) {
            String message = "\n\n*** SYNC TESTS SKIPPED: PostgreSQL 15 + PostGIS 3 is not installed (" + bin
                    + "/initdb, postgis.control). Install the Debian package postgresql-15-postgis-3 (.ci/run does)."
                    + " ***\n";
            LOG.error(message);
            if ("1".equals(System.getenv("KHAREETATY_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        return bin;
    }

    /** Starts a fresh server with TLS on a free loopback port; PostGIS is created by the admin once. */
    static PostgresServer start() throws Exception {
        Path bin = binariesOrSkip();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("khareetaty-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresServer server = new PostgresServer(dir, bin, root, port);
        server.initialise();
        return server;
    }

    private void initialise() throws Exception {
        Path tls = dir.resolve("tls");
        Files.createDirectories(tls);
        Files.writeString(tls.resolve("ext.cnf"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run(dir, false, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "tls/ca.key", "-out",
                "tls/ca.crt", "-days", "2", "-subj", "/CN=Khareetaty Test CA");
        run(dir, false, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "tls/server.key", "-out",
                "tls/server.csr", "-subj", "/CN=localhost");
        run(dir, false, "openssl", "x509", "-req", "-in", "tls/server.csr", "-CA", "tls/ca.crt", "-CAkey", "tls/ca.key",
                "-CAcreateserial", "-out", "tls/server.crt", "-days", "2", "-extfile", "tls/ext.cnf");
        Files.writeString(dir.resolve("pwfile"), "admin-password\n");
        if (asPostgresUser) {
            run(dir, false, "chown", "-R", "postgres:postgres", dir.toString());
        }
        run(dir, true, "chmod", "600", "tls/server.key");
        run(dir, true, bin.resolve("initdb").toString(), "-D", "data", "-U", ADMIN, "--pwfile=pwfile",
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C");
        run(dir, true, bin.resolve("pg_ctl").toString(), "-D", "data", "-l", "server.log", "-w", "-t", "60", "start",
                "-o", "-c port=" + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir
                        + " -c ssl=on -c ssl_cert_file=" + dir.resolve("tls/server.crt") + " -c ssl_key_file="
                        + dir.resolve("tls/server.key") + " -c fsync=off -c max_connections=50");
        psql("postgres", "CREATE ROLE " + APP_USER + " LOGIN PASSWORD '" + APP_PASSWORD + "'");
        psql("postgres", "CREATE DATABASE " + DATABASE + " OWNER " + APP_USER);
        // The one privileged step: the extension. Everything else runs as the unprivileged application user.
        psql(DATABASE, "CREATE EXTENSION postgis");
        LOG.info("Test PostgreSQL with TLS on 127.0.0.1:{} in {}", port, dir);
    }

    void psql(String database, String sql) throws Exception {
        run(dir, true, bin.resolve("psql").toString(), "-h", dir.toString(), "-p", Integer.toString(port), "-U", ADMIN,
                "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql);
    }

    /** A new empty database with PostGIS and the sync schema, so each test starts from nothing. */
    ServerConfig freshDatabase(String name) throws Exception {
        psql("postgres", "CREATE DATABASE " + name + " OWNER " + APP_USER);
        psql(name, "CREATE EXTENSION postgis");
        ServerConfig config = new ServerConfig("jdbc:postgresql://localhost:" + port + "/" + name, APP_USER,
                APP_PASSWORD, caFile(), ServerConfig.TlsMode.VERIFY_FULL);
        ServerConnector.initSchema(config);
        return config;
    }

    int port() {
        return port;
    }

    Path caFile() {
        return dir.resolve("tls/ca.crt");
    }

    String url() {
        return url("localhost", port);
    }

    static String url(String host, int port) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + DATABASE;
    }

    ServerConfig config() {
        return config("localhost", port);
    }

    ServerConfig config(String host, int viaPort) {
        return new ServerConfig(url(host, viaPort), APP_USER, APP_PASSWORD, caFile(), ServerConfig.TlsMode.VERIFY_FULL);
    }

    private void run(Path workDir, boolean asServerUser, String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if (asServerUser && asPostgresUser) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).directory(workDir.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            String log = Files.exists(dir.resolve("server.log")) ? Files.readString(dir.resolve("server.log")) : "";
            throw new IllegalStateException("Command failed: " + String.join(" ", line) + "\n"
                    + new String(output, StandardCharsets.UTF_8) + "\n" + log);
        }
    }

    @Override
    public void close() {
        try {
            run(dir, true, bin.resolve("pg_ctl").toString(), "-D", "data", "-m", "immediate", "-w", "stop");
        } catch (Exception e) {
            LOG.warn("Cannot stop the test PostgreSQL in {}", dir, e);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot delete {}", dir, e);
        }
    }
}
