package org.khareetaty.security;

import java.io.BufferedInputStream;
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
        try (InputStream in = Files.newInputStream(source);
                OutputStream out = encrypting(Files.newOutputStream(target), passphrase)) {
            in.transferTo(out);
        }
    }

    /**
     * A stream that encrypts what is written to it into {@code sink}, one 1 MiB chunk at a time (nothing is buffered
     * beyond one chunk and nothing is written in the clear). Closing it seals the last chunk and closes the sink;
     * a stream that is not closed leaves a file that {@link #decrypt} rejects as truncated.
     */
    public static OutputStream encrypting(OutputStream sink, char[] passphrase) throws IOException {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] noncePrefix = new byte[8];
        random.nextBytes(salt);
        random.nextBytes(noncePrefix);
        SecretKeySpec key = key(passphrase, salt);
        DataOutputStream out = new DataOutputStream(sink);
        out.write(MAGIC);
        out.write(salt);
        out.write(noncePrefix);
        return new EncryptingStream(out, key, noncePrefix);
    }

    /** Decrypts, failing with a clear message on a wrong passphrase, tampering or truncation. */
    public static void decrypt(Path source, Path target, char[] passphrase) throws IOException {
        try (InputStream in = decrypting(Files.newInputStream(source), passphrase, source.toString());
                OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
    }

    /**
     * A stream of the plaintext of {@code encrypted}, checked chunk by chunk: reading fails with an IOException on a
     * wrong passphrase, a changed byte or a missing end before any unauthenticated byte is returned.
     */
    public static InputStream decrypting(InputStream encrypted, char[] passphrase, String name) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(encrypted));
        if (!Arrays.equals(in.readNBytes(MAGIC.length), MAGIC)) {
            in.close();
            throw new IOException(name + " is not an encrypted Khareetaty file");
        }
        byte[] salt = in.readNBytes(16);
        byte[] noncePrefix = in.readNBytes(8);
        return new DecryptingStream(in, key(passphrase, salt), noncePrefix, name);
    }

    /** Buffers one chunk; a full chunk is sealed only when more data follows, so the last chunk is always marked. */
    private static final class EncryptingStream extends OutputStream {
        private final DataOutputStream out;
        private final SecretKeySpec key;
        private final byte[] prefix;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private int index;
        private boolean closed;

        EncryptingStream(DataOutputStream out, SecretKeySpec key, byte[] prefix) {
            this.out = out;
            this.key = key;
            this.prefix = prefix;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("The encrypted file is already closed");
            }
            while (length > 0) {
                if (filled == CHUNK) {
                    seal(false);
                }
                int n = Math.min(length, CHUNK - filled);
                System.arraycopy(data, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, prefix, index++, last, Arrays.copyOf(buffer, filled));
            Arrays.fill(buffer, 0, filled, (byte) 0);
            out.writeInt(sealed.length);
            out.write(sealed);
            filled = 0;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                try (out) {
                    seal(true);
                }
            }
        }
    }

    /** Opens one chunk at a time and hands out its plaintext only after its tag checked. */
    private static final class DecryptingStream extends InputStream {
        private final DataInputStream in;
        private final SecretKeySpec key;
        private final byte[] prefix;
        private final String name;
        private byte[] plain = new byte[0];
        private int position;
        private int index;
        private boolean done;

        DecryptingStream(DataInputStream in, SecretKeySpec key, byte[] prefix, String name) {
            this.in = in;
            this.key = key;
            this.prefix = prefix;
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == plain.length) {
                if (done) {
                    return -1;
                }
                nextChunk();
            }
            int n = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, target, offset, n);
            position += n;
            return n;
        }

        private void nextChunk() throws IOException {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                throw new IOException(name + " is truncated: its last part is missing");
            }
            if (length < 16 || length > CHUNK + 16) {
                throw new IOException(name + " is damaged (chunk " + index + " has an impossible length)");
            }
            byte[] sealed = in.readNBytes(length);
            if (sealed.length < length) {
                throw new IOException(name + " is truncated: its last part is missing");
            }
            boolean last = peekEnd(in);
            plain = open(key, prefix, index++, last, sealed, name);
            position = 0;
            done = last;
        }

        @Override
        public void close() throws IOException {
            in.close();
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

    private static byte[] open(SecretKeySpec key, byte[] prefix, int index, boolean last, byte[] sealed, String source) throws IOException {
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
