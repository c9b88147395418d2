package org.khareetaty.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operating system's store for a user's secrets, reached through the OS's own command-line tools (no native
 * code): the Secret Service via {@code secret-tool} on Linux desktops, the login Keychain via {@code security} on
 * macOS, DPAPI (CurrentUser) via PowerShell on Windows. The secret always travels on the tool's standard input or
 * output, never on its command line (which other users can read in {@code ps}). ADR 0102.
 */
public interface OsKeystore {

    /** The keystore could not answer (not running, locked, tool failed): distinct from "no such entry". */
    final class KeystoreException extends Exception {
        public KeystoreException(String message) {
            super(message);
        }
    }

    /** Shown to the administrator, e.g. "Secret Service (secret-tool)". */
    String name();

    /** The secret stored under {@code account}, or empty when there is none. */
    Optional<byte[]> load(String account) throws KeystoreException;

    void store(String account, byte[] secret) throws KeystoreException;

    /** Removes the entry; nothing happens when there is none. */
    void delete(String account) throws KeystoreException;

    /** The service name the entries are filed under. */
    String SERVICE = "khareetaty-credential-key";

    /**
     * The keystore of this OS session, when its tool is installed and (Linux) a session bus is running; none when
     * {@code khareetaty.keystore=none} (system property) or {@code KHAREETATY_KEYSTORE=none} (environment) turns it off.
     */
    static Optional<OsKeystore> detect(Path keysFolder) {
        return detect(System.getProperty("os.name", ""), System.getenv(), System.getProperty("khareetaty.keystore"),
                keysFolder);
    }

    static Optional<OsKeystore> detect(String osName, Map<String, String> env, String property, Path keysFolder) {
        String choice = property != null ? property : env.get("KHAREETATY_KEYSTORE");
        if (choice != null && choice.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            Path tool = Path.of("/usr/bin/security");
            return Files.isExecutable(tool) ? Optional.of(new MacKeychain(tool.toString())) : Optional.empty();
        }
        if (os.contains("win")) {
            return onPath("powershell.exe", env).map(tool -> new WindowsDpapi(tool.toString(),
                    keysFolder.resolve("secrets.dpapi")));
        }
        String bus = env.get("DBUS_SESSION_BUS_ADDRESS");
        if (bus == null || bus.isBlank()) {
            return Optional.empty();
        }
        return onPath("secret-tool", env).map(tool -> new SecretServiceKeystore(tool.toString()));
    }

    private static Optional<Path> onPath(String program, Map<String, String> env) {
        String path = env.getOrDefault("PATH", env.getOrDefault("Path", ""));
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        return Optional.empty();
    }
}
