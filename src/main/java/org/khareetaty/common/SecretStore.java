package org.khareetaty.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets (server passwords, API tokens) with AES-256-GCM before they are stored in settings.
 * The key is a random 256-bit file in the data folder, readable only by its owner; settings and logs
 * only ever hold the ciphertext ("gcm1:" + base64 of nonce and ciphertext).
 */
public final class SecretStore {

    private static final String PREFIX = "gcm1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path keyFile;
    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec key;

    public SecretStore(Path keyFile) {
        this.keyFile = keyFile;
    }

    /** The store of a data folder: its key lives in {@code keys/secrets.key}. */
    public static SecretStore forFolder(DataFolder folder) {
        return new SecretStore(folder.root().resolve("keys").resolve("secrets.key"));
    }

    public String encrypt(String plainText) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret: " + e.getMessage(), e);
        }
    }

    /** Decrypts a value made by {@link #encrypt}; fails with a clear message if it was altered or the key changed. */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not an encrypted secret");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt a stored secret (was the key file " + keyFile
                    + " replaced?). Enter the secret again.", e);
        }
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private synchronized SecretKeySpec key() {
        if (key == null) {
            key = new SecretKeySpec(loadOrCreateKey(), "AES");
        }
        return key;
    }

    private byte[] loadOrCreateKey() {
        try {
            if (!Files.exists(keyFile)) {
                Files.createDirectories(keyFile.getParent());
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                try {
                    Files.write(keyFile, fresh, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    restrictToOwner(keyFile);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            byte[] bytes = Files.readAllBytes(keyFile);
            if (bytes.length != 32) {
                throw new IllegalStateException("The secret key file " + keyFile + " is damaged (" + bytes.length
                        + " bytes, expected 32)");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the secret key file " + keyFile + ": "
                    + e.getMessage(), e);
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
