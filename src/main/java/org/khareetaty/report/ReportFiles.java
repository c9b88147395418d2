package org.khareetaty.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.khareetaty.security.FileProtection;

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
        return writeAtomically(target, FileProtection.NONE, work);
    }

    /** As above, encrypted when {@code protection} says so (the file then gets its suffix: {@link FileProtection#target}). */
    public static long writeAtomically(Path target, FileProtection protection, StreamWork work) {
        return protection.writeAtomically(target, work::write);
    }

    /** Writes finished bytes (a rendered PDF) the same safe way. */
    public static void write(Path target, byte[] bytes) {
        write(target, FileProtection.NONE, bytes);
    }

    public static void write(Path target, FileProtection protection, byte[] bytes) {
        writeAtomically(target, protection, out -> {
            out.write(bytes);
            return 1;
        });
    }
}
