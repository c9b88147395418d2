package org.khareetaty.security;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * How a file the app writes for people (export, report, chart, audit export) is protected: in the clear, or encrypted
 * with AES-256-GCM under a passphrase ({@link FileEncryption}). Encrypted files get the {@value #SUFFIX} suffix and
 * are written through an encrypting stream, so no plaintext reaches the disk; {@code khareetaty decrypt} opens them.
 */
public final class FileProtection {

    public static final String SUFFIX = ".kenc";
    public static final int MIN_PASSPHRASE = 8;
    public static final FileProtection NONE = new FileProtection(null);

    private final char[] passphrase;

    private FileProtection(char[] passphrase) {
        this.passphrase = passphrase;
    }

    /** Encryption under {@code passphrase} (at least {@value #MIN_PASSPHRASE} characters; the array is copied). */
    public static FileProtection passphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
            throw new IllegalArgumentException("The passphrase must have at least " + MIN_PASSPHRASE + " characters.");
        }
        return new FileProtection(passphrase.clone());
    }

    public boolean encrypted() {
        return passphrase != null;
    }

    /** Where the file goes: {@code requested}, with {@value #SUFFIX} appended when encrypted (unless already there). */
    public Path target(Path requested) {
        if (!encrypted() || requested.getFileName().toString().endsWith(SUFFIX)) {
            return requested;
        }
        return requested.resolveSibling(requested.getFileName() + SUFFIX);
    }

    /** The stream to write the file's content to: {@code sink} itself, or an encrypting stream into it. */
    public OutputStream wrap(OutputStream sink) throws IOException {
        return encrypted() ? FileEncryption.encrypting(sink, passphrase) : sink;
    }

    /** Body that writes a file's content to a stream and returns what it wrote (e.g. a record count). */
    @FunctionalInterface
    public interface StreamWork<T> {
        T write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@link #target}({@code requested}) through a temporary sibling ({@code .part}, holding only what the final
     * file holds: ciphertext when encrypted) that is moved into place at the end, so a cancelled or failed run never
     * leaves a half-written file under the requested name.
     */
    public <T> T writeAtomically(Path requested, StreamWork<T> work) {
        Path absolute = target(requested).toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            T result;
            try (OutputStream out = wrap(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16))) {
                result = work.write(out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Cannot write " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the partial file is harmless; the failure that brought us here is what the caller reports
        }
    }

    /** What the audit record says about the file's protection. */
    public String auditNote() {
        return encrypted() ? ", encrypted (AES-256-GCM, passphrase)" : ", not encrypted";
    }

    /** Forgets the passphrase once the file is written. */
    public void clear() {
        if (passphrase != null) {
            Arrays.fill(passphrase, '\0');
        }
    }
}
