package org.khareetaty.common.secrets;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets encrypted with AES-256-GCM in a small properties file: each value is {@code base64(nonce | ciphertext+tag)},
 * with the secret's name as associated data (a value copied under another name does not decrypt).
 * The key comes either from a random key file (created owner-only on first use) or from a password through
 * PBKDF2-HMAC-SHA256; the password's salt is stored in the secrets file. Writes are atomic (temp file + move).
 */
public final class AesGcmSecretStore implements SecretStore {

    private static final String SALT_ENTRY = "_kdf.salt";
    private static final int KDF_ITERATIONS = 310_000;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path file;
    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private AesGcmSecretStore(Path file, SecretKey key) {
        this.file = file;
        this.key = key;
    }

    /** Secrets in {@code file}, keyed by the 256-bit key in {@code keyFile} (created if missing). */
    public static AesGcmSecretStore withKeyFile(Path file, Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                writeOwnerOnly(keyFile, Base64.getEncoder().encode(fresh));
            }
            byte[] raw = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
            if (raw.length != 32) {
                throw new SecretStoreException("The key file " + keyFile + " does not hold a 256-bit key", null);
            }
            return new AesGcmSecretStore(file, new SecretKeySpec(raw, "AES"));
        } catch (IOException | IllegalArgumentException e) {
            throw new SecretStoreException("Cannot read or create the key file " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** Secrets in {@code file}, keyed from a password (PBKDF2-HMAC-SHA256, 310,000 iterations, salt in the file). */
    public static AesGcmSecretStore withPassword(Path file, char[] password) {
        Properties entries = load(file);
        String salt = entries.getProperty(SALT_ENTRY);
        byte[] saltBytes;
        if (salt == null) {
            saltBytes = new byte[16];
            new SecureRandom().nextBytes(saltBytes);
            entries.setProperty(SALT_ENTRY, Base64.getEncoder().encodeToString(saltBytes));
            save(file, entries);
        } else {
            saltBytes = Base64.getDecoder().decode(salt);
        }
        try {
            SecretKeyFactory factory = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
            byte[] raw = factory.generateSecret(new PBEKeySpec(password, saltBytes, KDF_ITERATIONS, 256)).getEncoded();
            return new AesGcmSecretStore(file, new SecretKeySpec(raw, "AES"));
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot derive a key from the password", e);
        }
    }

    @Override
    public synchronized Optional<String> get(String name) {
        String stored = load(file).getProperty(entryName(name));
        if (stored == null) {
            return Optional.empty();
        }
        try {
            ByteBuffer data = ByteBuffer.wrap(Base64.getDecoder().decode(stored));
            byte[] nonce = new byte[NONCE_BYTES];
            data.get(nonce);
            byte[] sealed = new byte[data.remaining()];
            data.get(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            return Optional.of(new String(cipher.doFinal(sealed), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new SecretStoreException("The secret '" + name + "' cannot be decrypted (wrong key or damaged file "
                    + file + ")", e);
        }
    }

    @Override
    public synchronized void put(String name, String value) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            ByteBuffer data = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed);
            Properties entries = load(file);
            entries.setProperty(entryName(name), Base64.getEncoder().encodeToString(data.array()));
            save(file, entries);
        } catch (GeneralSecurityException e) {
            throw new SecretStoreException("Cannot encrypt the secret '" + name + "'", e);
        }
    }

    @Override
    public synchronized void remove(String name) {
        Properties entries = load(file);
        if (entries.remove(entryName(name)) != null) {
            save(file, entries);
        }
    }

    private static String entryName(String name) {
        if (name.startsWith("_")) {
            throw new IllegalArgumentException("Secret names cannot start with '_'");
        }
        return name;
    }

    private static Properties load(Path file) {
        Properties entries = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                entries.load(reader);
            } catch (IOException e) {
                throw new SecretStoreException("Cannot read the secrets file " + file + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    private static void save(Path file, Properties entries) {
        try {
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            java.io.StringWriter text = new java.io.StringWriter();
            entries.store(text, "Khareetaty secrets: AES-256-GCM, do not edit");
            writeOwnerOnly(temp, text.toString().getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new SecretStoreException("Cannot write the secrets file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeOwnerOnly(Path path, byte[] content) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.deleteIfExists(path);
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (var out = Files.newOutputStream(path)) {
            out.write(content);
        }
    }
}
