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
 * <p>Before any administrator exists (a new data folder, or a folder from before this vault) the key lives in the
 * old unprotected file {@code keys/secrets.key}; the first administrator's sign-in or creation wraps that same key
 * (so every stored secret stays readable) and deletes the file.
 */
public final class CredentialVault implements SecretStore.KeySource {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialVault.class);
    private static final String HEADER = "khareetaty-credential-vault 1 argon2id m=65536 t=3 p=1 aes-256-gcm";
    private static final int MEMORY_KIB = 64 * 1024;
    private static final int ITERATIONS = 3;

    private final Path legacyKeyFile;
    private final Path vaultFile;
    private final int memoryKiB;
    private final SecureRandom random = new SecureRandom();
    private byte[] dataKey;

    public CredentialVault(DataFolder folder) {
        this(folder, MEMORY_KIB);
    }

    /** With a smaller Argon2id memory cost, for tests. */
    CredentialVault(DataFolder folder, int memoryKiB) {
        Path keys = folder.root().resolve("keys");
        this.legacyKeyFile = keys.resolve("secrets.key");
        this.vaultFile = keys.resolve("secrets.vault");
        this.memoryKiB = memoryKiB;
    }

    @Override
    public synchronized byte[] dataKey() {
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
        return true;
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

    private void writeVault(Map<String, String> wrappings) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        wrappings.forEach((user, wrapping) -> lines.add("admin " + user + " " + wrapping));
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
