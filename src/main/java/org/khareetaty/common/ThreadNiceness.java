package org.khareetaty.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating system's scheduling priority of the calling thread (ADR 0045). Java's own thread priorities are
 * honoured on Windows and macOS but ignored on Linux (unless the JVM runs as root with a special flag), so on Linux
 * the thread's nice value is raised with {@code renice}, which any user may do for their own threads.
 */
public final class ThreadNiceness {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadNiceness.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");

    private ThreadNiceness() {
    }

    /**
     * Lowers the calling thread's priority: Java's lowest-but-one priority, and on Linux the nice value {@code nice}
     * (1–19; the scheduler then gives a thread of nice 0 about {@code 1.25^nice} times its CPU share when both want it).
     * Returns false when the system offers no way; the thread then keeps its priority.
     */
    public static boolean lowerCurrentThread(int nice) {
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY + 1);
        String tid = linuxThreadId();
        if (tid == null) {
            return false;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroy();
                return false;
            }
            return renice.exitValue() == 0;
        } catch (IOException e) {
            LOG.debug("Cannot lower the priority of thread {} (no renice): {}", Thread.currentThread().getName(), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The calling thread's nice value on Linux, or empty elsewhere. */
    public static java.util.OptionalInt currentNice() {
        try {
            String stat = Files.readString(THREAD_SELF.resolve("stat"));
            // Fields after the command name (in parentheses, may contain spaces): state is field 3, nice field 19.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return java.util.OptionalInt.of(Integer.parseInt(fields[19 - 3]));
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalInt.empty();
        }
    }

    /** The kernel's id of the calling thread ({@code /proc/thread-self} links to {@code <pid>/task/<tid>}), or null. */
    private static String linuxThreadId() {
        try {
            Path link = Files.readSymbolicLink(THREAD_SELF);
            return link.getFileName().toString();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
