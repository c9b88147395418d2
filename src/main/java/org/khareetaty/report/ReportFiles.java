package org.khareetaty.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes report and export files through a temporary sibling that is moved into place at the end,
 * so a cancelled or failed run never leaves a half-written file under the requested name.
 */
public final class ReportFiles {

    /** Body that writes to a stream and returns how many records it wrote. */
    @FunctionalInterface
    public interface StreamWork {
        long write(OutputStream out) throws IOException;
    }

    private ReportFiles() {
    }

    public static long writeAtomically(Path target, StreamWork work) {
        Path absolute = target.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".part");
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            long records;
            try (OutputStream out = Files.newOutputStream(partial)) {
                records = work.write(out);
            }
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return records;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Cannot write " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** Writes finished bytes (a rendered PDF) the same safe way. */
    public static void write(Path target, byte[] bytes) {
        writeAtomically(target, out -> {
            out.write(bytes);
            return 1;
        });
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the partial file is harmless; the failure that brought us here is what the caller reports
        }
    }
}
