package org.khareetaty.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Protects the data key of the {@link SecretStore} (which encrypts the Twilio and sync credentials) with the
 * administrators' passwords (ADR 0100). The key is stored only wrapped: AES-256-GCM under a key derived with Argon2id
 * (64 MiB, 3 passes) from each administrator's password, in {@code keys/secrets.vault}. It is unwrapped in memory
 * when an administrator signs in (window or CLI) and never written in the clear.
 *
 * <p>Where the OS offers a keystore ({@link OsKeystore}: Secret Service, macOS Keychain, Windows DPAPI), the unlocked
 * key is also stored there for this OS account, and a line {@code os <check> <keystore>} in the vault records it, so
 * unattended runs under the same OS account (scheduled pipeline, alert sending, sync) open the credentials without
 * an administrator's password (ADR 0102). The password-wrapped lines stay as the fallback and for recovery.
 *
 * <p>Before any administrator exists (a new data folder, or a folder from before this vault) the key lives in the
 * old unprotected file {@code keys/secrets.key}; the first administrator's sign-in or creation wraps that same key
 * (so every stored secret stays readable) and deletes the file.
 */
public final class CredentialVault implements SecretStore.KeySource {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialVault.class);
    /** The vault's os line when an administrator turned the keystore off for this folder. */
    private static final String OS_OFF = "off";
    private static final String HEADER = "khareetaty-credential-vault 1 argon2id m=65536 t=3 p=1 aes-256-gcm";
    private static final int MEMORY_KIB = 64 * 1024;
    private static final int ITERATIONS = 3;

    private final Path legacyKeyFile;
    private final Path vaultFile;
    private final int memoryKiB;
    private final SecureRandom random = new SecureRandom();
    private final Optional<OsKeystore> keystore;
    private final String account;
    private byte[] dataKey;
    private boolean keystoreTried;

    /** Without an OS keystore: only administrators' passwords open the key. */
    public CredentialVault(DataFolder folder) {
        this(folder, Optional.empty());
    }

    public CredentialVault(DataFolder folder, Optional<OsKeystore> keystore) {
        this(folder, MEMORY_KIB, keystore);
    }

    /** With a smaller Argon2id memory cost, for tests. */
    CredentialVault(DataFolder folder, int memoryKiB) {
        this(folder, memoryKiB, Optional.empty());
    }

    CredentialVault(DataFolder folder, int memoryKiB, Optional<OsKeystore> keystore) {
        Path keys = folder.root().resolve("keys");
        this.legacyKeyFile = keys.resolve("secrets.key");
        this.vaultFile = keys.resolve("secrets.vault");
        this.memoryKiB = memoryKiB;
        this.keystore = keystore;
        this.account = folder.root().toString();
    }

    /** The OS keystore this vault also uses, if any. */
    public Optional<String> keystoreName() {
        return keystore.map(OsKeystore::name);
    }

    /** Whether the key is also kept in the OS keystore (the vault has its line). */
    public synchronized boolean inKeystore() {
        return keystore.isPresent() && readOsCheck() != null;
    }

    @Override
    public synchronized byte[] dataKey() {
        if (dataKey == null && Files.exists(vaultFile)) {
            dataKey = fromKeystore();
        }
        if (dataKey != null) {
            return dataKey.clone();
        }
        if (Files.exists(vaultFile)) {
            throw new SecretStore.LockedException("The stored credentials (Twilio, sync server) are protected by the "
                    + "administrators' passwords: sign in as an administrator (in the window, or run the command with "
                    + "--user of an administrator) to use or change them.");
        }
        return loadOrCreateLegacyKey();
    }

    /** Whether the key is protected by administrators' passwords (false: still the unprotected key file). */
    public synchronized boolean passwordProtected() {
        return Files.exists(vaultFile);
    }

    public synchronized boolean unlocked() {
        if (dataKey == null && Files.exists(vaultFile)) {
            dataKey = fromKeystore();
        }
        return dataKey != null || !Files.exists(vaultFile);
    }

    /**
     * Called when an administrator has proved their password (sign-in, account creation): unlocks the key, moves an
     * unprotected key file into the vault, and wraps the key for this administrator if they have no wrapping yet.
     * Returns false when the vault holds no wrapping for them and no other administrator has unlocked it yet.
     */
    public synchronized boolean administratorAuthenticated(String username, char[] password) {
        Map<String, String> wrappings = readVault();
        if (dataKey == null && wrappings.containsKey(username)) {
            dataKey = unwrap(username, wrappings.get(username), password);
            protectWithKeystore();
            return true;
        }
        if (dataKey == null && wrappings.isEmpty()) {
            dataKey = loadOrCreateLegacyKey();
        }
        if (dataKey == null) {
            LOG.warn("Administrator {} has no copy of the credential key yet: another administrator must sign in once "
                    + "so it can be shared with them", username);
            return false;
        }
        if (!wrappings.containsKey(username)) {
            wrappings.put(username, wrap(username, password));
            writeVault(wrappings);
            LOG.info("The credential key is now also protected by the password of administrator {}", username);
        }
        deleteLegacyKey();
        protectWithKeystore();
        return true;
    }

    /**
     * Removes the key from the OS keystore (and the vault's line for it), for an administrator (audited
     * KEYSTORE_FORGET): from now on only administrators' passwords open it. Returns whether there was an entry.
     */
    public boolean forgetKeystore(Principal actor, AuditLog audit) {
        audit.require(actor, Permission.CHANGE_SETTINGS, "KEYSTORE_FORGET", account);
        try {
            boolean had = forgetKeystore();
            audit.record(actor, "KEYSTORE_FORGET", account, AuditLog.Outcome.SUCCESS, had
                    ? "credential key removed from the " + keystoreName().orElse("OS keystore") : "no keystore entry");
            return had;
        } catch (OsKeystore.KeystoreException e) {
            audit.record(actor, "KEYSTORE_FORGET", account, AuditLog.Outcome.FAILURE, e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * As {@link #forgetKeystore(Principal, AuditLog)}, without role check or audit (tests). The vault's {@code os off}
     * line keeps the keystore out of use for this folder, also after later sign-ins, until {@link #useKeystore}.
     */
    synchronized boolean forgetKeystore() throws OsKeystore.KeystoreException {
        boolean had = readOsCheck() != null;
        if (keystore.isPresent()) {
            keystore.get().delete(account);
        }
        if (Files.exists(vaultFile)) {
            writeVault(readVault(), OS_OFF);
        }
        return had;
    }

    /** Whether an administrator turned the keystore off for this folder ({@code keystore forget}). */
    public synchronized boolean keystoreTurnedOff() {
        return OS_OFF.equals(readOsLine());
    }

    /**
     * Allows the OS keystore again after {@code keystore forget} (administrators, audited KEYSTORE_USE); the key goes
     * into it at once when it is unlocked in this process, else at the next administrator's sign-in.
     */
    public boolean useKeystore(Principal actor, AuditLog audit) {
        audit.require(actor, Permission.CHANGE_SETTINGS, "KEYSTORE_USE", account);
        synchronized (this) {
            if (keystoreTurnedOff()) {
                writeVault(readVault(), null);
            }
            protectWithKeystore();
        }
        boolean stored = inKeystore();
        audit.record(actor, "KEYSTORE_USE", account, AuditLog.Outcome.SUCCESS, stored
                ? "credential key kept in the " + keystoreName().orElse("OS keystore")
                : "allowed; stored at the next administrator's sign-in");
        return stored;
    }

    /** The key from the OS keystore when the vault says it is there and the entry matches; tried once per process. */
    private byte[] fromKeystore() {
        String expected = readOsCheck();
        if (keystore.isEmpty() || expected == null || keystoreTried) {
            return null;
        }
        keystoreTried = true;
        try {
            Optional<byte[]> key = keystore.get().load(account);
            if (key.isPresent() && check(key.get()).equals(expected)) {
                LOG.info("Opened the credential key from the {}", keystore.get().name());
                return key.get();
            }
            LOG.warn(key.isPresent() ? "The {} holds a different key for this data folder; ignoring it"
                    : "The {} has no credential key for this data folder any more; an administrator's sign-in stores "
                    + "it again", keystore.get().name());
        } catch (OsKeystore.KeystoreException e) {
            LOG.warn("Cannot read the credential key from the {}: {}", keystore.get().name(), e.getMessage());
        }
        return null;
    }

    /** Puts the unlocked key into the OS keystore (once; again if the entry went missing) and records that. */
    private void protectWithKeystore() {
        if (keystore.isEmpty() || dataKey == null || !Files.exists(vaultFile) || keystoreTurnedOff()) {
            return;
        }
        String check = check(dataKey);
        try {
            Optional<byte[]> stored = keystore.get().load(account);
            if (stored.isEmpty() || !Arrays.equals(stored.get(), dataKey)) {
                keystore.get().store(account, dataKey);
                LOG.info("The credential key is now also kept in the {} of this OS account", keystore.get().name());
            }
            if (!check.equals(readOsCheck())) {
                writeVault(readVault(), check + " " + keystore.get().name());
            }
        } catch (OsKeystore.KeystoreException e) {
            LOG.warn("Cannot keep the credential key in the {} (administrators' passwords still open it): {}",
                    keystore.get().name(), e.getMessage());
        }
    }

    /** Identifies the key without revealing it (a truncated SHA-256 of a labelled copy). */
    private static String check(byte[] key) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update("khareetaty-os-keystore|".getBytes(StandardCharsets.US_ASCII));
            return java.util.HexFormat.of().formatHex(sha.digest(key), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An account's password was changed or reset: its vault line is wrapped again under the new password, so the old
     * password opens nothing any more. When the key is not unlocked in this process the line cannot be re-made and
     * is removed instead (that administrator gets a new one at their next sign-in after another administrator's).
     */
    public synchronized void passwordChanged(String username, char[] newPassword, boolean administrator) {
        Map<String, String> wrappings = readVault();
        if (!wrappings.containsKey(username) && !(administrator && dataKey != null && !wrappings.isEmpty())) {
            return;
        }
        if (dataKey != null && administrator) {
            wrappings.put(username, wrap(username, newPassword));
            LOG.info("The credential key is now protected by the new password of {}", username);
        } else {
            wrappings.remove(username);
            LOG.warn("Removed the credential key copy of {} (its old password must not open it; the key is not "
                    + "unlocked here to wrap it for the new one)", username);
        }
        writeVault(wrappings);
    }

    /** An account is no longer an administrator: its copy of the key goes, so its password opens nothing any more. */
    public synchronized void administratorRemoved(String username) {
        Map<String, String> wrappings = readVault();
        if (wrappings.remove(username) != null) {
            writeVault(wrappings);
            LOG.info("Removed the credential key copy of {} (no longer an administrator)", username);
        }
    }

    /** Forgets the unwrapped key (the key file and vault stay). */
    public synchronized void lock() {
        if (dataKey != null) {
            Arrays.fill(dataKey, (byte) 0);
            dataKey = null;
        }
    }

    private String wrap(String username, char[] password) {
        byte[] salt = new byte[16];
        byte[] nonce = new byte[12];
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, kek(password, salt), nonce, username, dataKey);
        Base64.Encoder base64 = Base64.getEncoder();
        return base64.encodeToString(salt) + " " + base64.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    private byte[] unwrap(String username, String wrapping, char[] password) {
        String[] parts = wrapping.split(" ");
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] salt = base64.decode(parts[0]);
        byte[] sealed = base64.decode(parts[1]);
        return crypt(Cipher.DECRYPT_MODE, kek(password, salt), Arrays.copyOf(sealed, 12), username,
                Arrays.copyOfRange(sealed, 12, sealed.length));
    }

    private SecretKeySpec kek(char[] password, byte[] salt) {
        return new SecretKeySpec(PasswordHasher.derive(password, salt, memoryKiB, ITERATIONS, 1, 32), "AES");
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, String username, byte[] data) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(("khareetaty-vault|" + username).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The credential vault entry of " + username + " does not open with this "
                    + "password (the vault file was changed?)", e);
        }
    }

    private Map<String, String> readVault() {
        Map<String, String> wrappings = new LinkedHashMap<>();
        if (!Files.exists(vaultFile)) {
            return wrappings;
        }
        try {
            List<String> lines = Files.readAllLines(vaultFile, StandardCharsets.US_ASCII);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                throw new IllegalStateException("The credential vault " + vaultFile + " is not in a known format");
            }
            for (String line : lines.subList(1, lines.size())) {
                // "os <check> <keystore>" lines are read by readOsCheck
                String[] parts = line.split(" ", 3);
                if (parts.length == 3 && parts[0].equals("admin")) {
                    wrappings.put(parts[1], parts[2]);
                }
            }
            return wrappings;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the credential vault " + vaultFile, e);
        }
    }

    /** The check of the key kept in the OS keystore, or null when the vault has no such line. */
    private String readOsCheck() {
        String line = readOsLine();
        return line == null || OS_OFF.equals(line) ? null : line.split(" ")[0];
    }

    private String readOsLine() {
        if (!Files.exists(vaultFile)) {
            return null;
        }
        try {
            return Files.readAllLines(vaultFile, StandardCharsets.US_ASCII).stream().filter(l -> l.startsWith("os "))
                    .map(l -> l.substring(3)).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the credential vault " + vaultFile, e);
        }
    }

    private void writeVault(Map<String, String> wrappings) {
        writeVault(wrappings, readOsLine());
    }

    private void writeVault(Map<String, String> wrappings, String osLine) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        wrappings.forEach((user, wrapping) -> lines.add("admin " + user + " " + wrapping));
        if (osLine != null) {
            lines.add("os " + osLine);
        }
        try {
            Files.createDirectories(vaultFile.getParent());
            Path temporary = vaultFile.resolveSibling("secrets.vault.tmp");
            Files.write(temporary, lines, StandardCharsets.US_ASCII);
            restrictToOwner(temporary);
            Files.move(temporary, vaultFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the credential vault " + vaultFile, e);
        }
    }

    private byte[] loadOrCreateLegacyKey() {
        try {
            if (!Files.exists(legacyKeyFile)) {
                Files.createDirectories(legacyKeyFile.getParent());
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                try {
                    Files.write(legacyKeyFile, fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    restrictToOwner(legacyKeyFile);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            byte[] bytes = Files.readAllBytes(legacyKeyFile);
            if (bytes.length != 32) {
                throw new IllegalStateException("The secret key file " + legacyKeyFile + " is damaged (" + bytes.length
                        + " bytes, expected 32)");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + legacyKeyFile, e);
        }
    }

    /** Overwrites the unprotected key file before deleting it, once the vault holds the key. */
    private void deleteLegacyKey() {
        try {
            if (Files.exists(legacyKeyFile)) {
                Files.write(legacyKeyFile, new byte[32], StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                Files.delete(legacyKeyFile);
                LOG.info("Moved the credential key from {} into the password-protected vault", legacyKeyFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the unprotected key file " + legacyKeyFile, e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the user's profile ACL, which is already private.
        }
    }
}
