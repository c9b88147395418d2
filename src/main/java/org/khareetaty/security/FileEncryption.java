package org.khareetaty.security;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts files the app writes outside the database (backups, exports on request) with AES-256-GCM, keyed
 * by a passphrase through Argon2id. Files are cut into 1 MiB chunks, each with its own nonce and tag, and
 * the last chunk is marked, so a file of any size is authenticated and a truncated file is rejected.
 */
public final class FileEncryption {

    private static final byte[] MAGIC = "KHENC1".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 1 << 20;
    private static final int MEMORY_KIB = 64 * 1024;
    private static final int ITERATIONS = 3;

    private FileEncryption() {
    }

    /** Whether a file starts like one written by {@link #encrypt}. */
    public static boolean isEncrypted(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        }
    }

    public static void encrypt(Path source, Path target, char[] passphrase) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] noncePrefix = new byte[8];
        random.nextBytes(salt);
        random.nextBytes(noncePrefix);
        SecretKeySpec key = key(passphrase, salt);
        try (InputStream in = Files.newInputStream(source);
                DataOutputStream out = new DataOutputStream(Files.newOutputStream(target))) {
            out.write(MAGIC);
            out.write(salt);
            out.write(noncePrefix);
            byte[] buffer = in.readNBytes(CHUNK);
            int index = 0;
            while (true) {
                byte[] next = in.readNBytes(CHUNK);
                boolean last = next.length == 0;
                byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, noncePrefix, index, last, buffer);
                out.writeInt(sealed.length);
                out.write(sealed);
                if (last) {
                    break;
                }
                buffer = next;
                index++;
            }
        }
    }

    /** Decrypts, failing with a clear message on a wrong passphrase, tampering or truncation. */
    public static void decrypt(Path source, Path target, char[] passphrase) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(source)));
                OutputStream out = Files.newOutputStream(target)) {
            if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
                throw new IOException(source + " is not an encrypted Khareetaty file");
            }
            byte[] salt = in.readNBytes(16);
            byte[] noncePrefix = in.readNBytes(8);
            SecretKeySpec key = key(passphrase, salt);
            int index = 0;
            while (true) {
                int length;
                try {
                    length = in.readInt();
                } catch (EOFException e) {
                    throw new IOException(source + " is truncated: its last part is missing");
                }
                if (length < 16 || length > CHUNK + 16) {
                    throw new IOException(source + " is damaged (chunk " + index + " has an impossible length)");
                }
                byte[] sealed = in.readNBytes(length);
                boolean last = peekEnd(in);
                out.write(open(key, noncePrefix, index, last, sealed, source));
                if (last) {
                    return;
                }
                index++;
            }
        }
    }

    private static boolean peekEnd(DataInputStream in) throws IOException {
        in.mark(1);
        boolean end = in.read() < 0;
        if (!end) {
            in.reset();
        }
        return end;
    }

    private static byte[] open(SecretKeySpec key, byte[] prefix, int index, boolean last, byte[] sealed, Path source) throws IOException {
        try {
            return crypt(Cipher.DECRYPT_MODE, key, prefix, index, last, sealed);
        } catch (IOException e) {
            if (e.getCause() instanceof AEADBadTagException) {
                throw new IOException("Cannot decrypt " + source + ": wrong passphrase, or the file was changed or cut short", e);
            }
            throw e;
        }
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] prefix, int index, boolean last, byte[] data) throws IOException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt(index).array();
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(new byte[] {(byte) (last ? 1 : 0)});
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static SecretKeySpec key(char[] passphrase, byte[] salt) {
        return new SecretKeySpec(PasswordHasher.derive(passphrase, salt, MEMORY_KIB, ITERATIONS, 1, 32), "AES");
    }
}
