package org.khareetaty.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets (server passwords, API tokens) with AES-256-GCM before they are stored in settings.
 * Settings and logs only ever hold the ciphertext ("gcm1:" + base64 of nonce and ciphertext). Where the data key
 * comes from, and how it is protected at rest, is the {@link KeySource}'s business (see security.CredentialVault).
 */
public final class SecretStore {

    /** Gives the 256-bit data key, or throws {@link LockedException} when it cannot be had right now. */
    public interface KeySource {
        byte[] dataKey();
    }

    /** The data key is protected and nobody who can unlock it has signed in yet. */
    public static final class LockedException extends IllegalStateException {
        public LockedException(String message) {
            super(message);
        }
    }

    private static final String PREFIX = "gcm1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeySource keys;
    private final SecureRandom random = new SecureRandom();

    public SecretStore(KeySource keys) {
        this.keys = keys;
    }

    public String encrypt(String plainText) {
        SecretKeySpec key = key();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
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
        SecretKeySpec key = key();
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt a stored secret (was the credential key replaced?). "
                    + "Enter the secret again.", e);
        }
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private SecretKeySpec key() {
        return new SecretKeySpec(keys.dataKey(), "AES");
    }
}
