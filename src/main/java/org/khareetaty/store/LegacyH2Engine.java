package org.khareetaty.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An older H2 engine, loaded from its own jar in a class loader of its own (parent: the platform class loader, so
 * it shares nothing with the application's H2 but {@code java.sql} and the incident table engine's classes), used only to read a database file the
 * application's engine may not read and write it out as a script (ADR 0103). The jars live in {@code h2-legacy/}
 * beside the application's jar (the installer puts them there) as {@code h2-<version>.jar.legacy}: not
 * {@code .jar}, because jpackage puts every {@code .jar} of its input on the application's class path.
 */
public final class LegacyH2Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LegacyH2Engine.class);
    /** System property naming another folder of legacy engines (tests, or an administrator's own download). */
    public static final String DIRECTORY_PROPERTY = "khareetaty.h2.legacy.dir";
    private static final Pattern FILE_NAME = Pattern.compile("h2-(\\d+)\\.(\\d+)\\.(\\d+)\\.jar(\\.legacy)?");

    private final Path jar;
    private final URLClassLoader loader;
    private final Driver driver;
    private final String version;
    private final int build;

    private LegacyH2Engine(Path jar, URLClassLoader loader, Driver driver, String version, int build) {
        this.jar = jar;
        this.loader = loader;
        this.driver = driver;
        this.version = version;
        this.build = build;
    }

    /** The folder the application looks in: the system property, else {@code h2-legacy/} beside its jar. */
    public static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY, System.getenv("KHAREETATY_H2_LEGACY_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            // target/classes or …/app/khareetaty.jar: the folder h2-legacy/ sits beside either.
            Path codeSource = Path.of(LegacyH2Engine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return codeSource.toAbsolutePath().getParent().resolve("h2-legacy");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("h2-legacy");
        }
    }

    /** The engine jars in {@link #directory()}, newest version first (none when the folder is missing). */
    public static List<Path> installed() {
        return installed(directory());
    }

    static List<Path> installed(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> jars = new ArrayList<>(files.filter(f -> FILE_NAME.matcher(f.getFileName().toString()).matches()).toList());
            jars.sort(Comparator.comparing(LegacyH2Engine::versionKey).reversed());
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the legacy H2 engines in " + directory, e);
        }
    }

    /** The version a jar's name announces ("2.3.232"); the engine's own version is checked when it is loaded. */
    public static String namedVersion(Path jar) {
        Matcher m = FILE_NAME.matcher(jar.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalArgumentException(jar + " is not named h2-<version>.jar.legacy");
        }
        return m.group(1) + "." + m.group(2) + "." + m.group(3);
    }

    private static long versionKey(Path jar) {
        Matcher m = FILE_NAME.matcher(jar.getFileName().toString());
        m.matches();
        return Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2)) * 1_000_000L + Long.parseLong(m.group(3));
    }

    /** Loads the engine of one jar in its own class loader. */
    public static LegacyH2Engine load(Path jar) {
        URLClassLoader loader = null;
        try {
            // The application's own code comes second: a database with incident blocks names their table engine
            // (ADR 0013), which must load beside the old H2 (org.h2 classes still resolve from the old jar first).
            URL application = IncidentTableEngine.class.getProtectionDomain().getCodeSource().getLocation();
            loader = new URLClassLoader("h2-legacy-" + jar.getFileName(), new URL[] {jar.toUri().toURL(), application},
                    ClassLoader.getPlatformClassLoader());
            Class<?> constants = loader.loadClass("org.h2.engine.Constants");
            String version = String.valueOf(constants.getField("VERSION").get(null));
            int build = constants.getField("BUILD_ID").getInt(null);
            Driver driver = (Driver) loader.loadClass("org.h2.Driver").getDeclaredConstructor().newInstance();
            return new LegacyH2Engine(jar, loader, driver, version, build);
        } catch (ReflectiveOperationException | IOException | LinkageError | ClassCastException e) {
            closeQuietly(loader);
            throw new StoreException("Cannot load the H2 engine " + jar + ": " + e, e);
        }
    }

    public String version() {
        return version;
    }

    public int build() {
        return build;
    }

    public Path jar() {
        return jar;
    }

    /**
     * Opens a database file read-only (the original is never written by the legacy engine), with the file password
     * when it is encrypted (H2 CIPHER=AES). The calling thread's context class loader must be {@link #classLoader()}
     * while the connection is used (see {@link #call}).
     */
    public Connection openReadOnly(Path databaseBase, char[] filePassword) throws SQLException {
        return open(databaseBase, filePassword, true);
    }

    /** As {@link #openReadOnly}, writable: only ever for a copy of the original. */
    public Connection open(Path databaseBase, char[] filePassword, boolean readOnly) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "sa");
        properties.setProperty("password", filePassword == null ? "" : new String(filePassword) + " ");
        // TRACE_LEVEL_FILE=0: the legacy engine writes no trace file (it could hold the statements it ran).
        String url = "jdbc:h2:file:" + databaseBase.toAbsolutePath() + (readOnly ? ";ACCESS_MODE_DATA=r" : "") + ";TRACE_LEVEL_FILE=0"
                + (filePassword == null ? "" : ";CIPHER=AES");
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("The H2 " + version + " engine did not accept " + url);
        }
        return connection;
    }

    /** Work that uses this engine's connections. */
    @FunctionalInterface
    public interface EngineWork<T> {
        T run(LegacyH2Engine engine) throws SQLException;
    }

    /** Runs work with this engine's class loader as the thread's context class loader, restored afterwards. */
    public <T> T call(EngineWork<T> work) throws SQLException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.run(this);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    public ClassLoader classLoader() {
        return loader;
    }

    /** The engine of {@code version} among the installed ones, if it is there. */
    public static Optional<Path> find(List<Path> installed, String version) {
        return installed.stream().filter(jar -> namedVersion(jar).equals(version)).findFirst();
    }

    @Override
    public void close() {
        try {
            // Only the engine's own class may take its driver out of DriverManager again.
            loader.loadClass("org.h2.Driver").getMethod("unload").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.debug("Cannot unregister the H2 {} driver: {}", version, e.toString());
        }
        closeQuietly(loader);
    }

    private static void closeQuietly(URLClassLoader loader) {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("Cannot close the class loader of a legacy H2 engine: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "H2 " + version + " (" + jar + ")";
    }
}
