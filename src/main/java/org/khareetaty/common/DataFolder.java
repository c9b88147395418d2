package org.khareetaty.common;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a workstation keeps its database, logs, caches and exports. Resolved once, in this order:
 * the {@code --data-dir} option, the {@code KHAREETATY_HOME} environment variable, the OS default.
 */
public final class DataFolder {

    public static final String ENV_VARIABLE = "KHAREETATY_HOME";

    private final Path root;

    public DataFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static DataFolder resolve(Path option, Map<String, String> env, String osName, Path userHome) {
        if (option != null) {
            return new DataFolder(option);
        }
        String fromEnv = env.get(ENV_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataFolder(Path.of(fromEnv));
        }
        return new DataFolder(osDefault(env, osName, userHome));
    }

    public static DataFolder resolve(Path option) {
        return resolve(option, System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    static Path osDefault(Map<String, String> env, String osName, Path userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null ? Path.of(appData) : userHome.resolve("AppData").resolve("Roaming");
            return base.resolve("Khareetaty");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Khareetaty");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return base.resolve("khareetaty");
    }

    public Path root() {
        return root;
    }

    /** The H2 database file name without H2's {@code .mv.db} suffix. */
    public Path databaseBase() {
        return root.resolve("khareetaty");
    }

    public Path databaseFile() {
        return root.resolve("khareetaty.mv.db");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path cache() {
        return root.resolve("cache");
    }

    public Path backups() {
        return root.resolve("backups");
    }

    public Path exports() {
        return root.resolve("exports");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
