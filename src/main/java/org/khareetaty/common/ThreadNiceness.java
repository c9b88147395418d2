package org.khareetaty.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    private static final Path PROCESS_SELF = Path.of("/proc/self");

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
        return renice(nice, List.of(tid));
    }

    private static boolean renice(int nice, List<String> tids) {
        List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        command.addAll(tids);
        try {
            Process renice = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroy();
                return false;
            }
            return renice.exitValue() == 0;
        } catch (IOException e) {
            LOG.debug("Cannot lower the priority of threads {} (no renice): {}", tids, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Lowers the priority of this JVM's threads whose kernel name {@code named} accepts (Linux: the first 15 characters
     * of the thread's name), to the nice value {@code nice}. Returns how many were lowered; 0 where the system offers
     * no way.
     */
    public static int lowerThreadsNamed(java.util.function.Predicate<String> named, int nice) {
        List<String> tids = new ArrayList<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(PROCESS_SELF.resolve("task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (named.test(Files.readString(task.resolve("comm")).strip())) {
                        tids.add(task.getFileName().toString());
                    }
                } catch (IOException e) {
                    // The thread ended while the list was read.
                }
            }
        } catch (IOException e) {
            return 0;   // no /proc: not Linux
        }
        return !tids.isEmpty() && renice(nice, tids) ? tids.size() : 0;
    }

    /**
     * Lowers the just-in-time compiler's threads to the nice value {@code nice}, so the code they compile in an
     * application's first minute no longer takes the CPU from its frames (ADR 0045); they still use what is left.
     */
    public static int lowerCompilerThreads(int nice) {
        return lowerThreadsNamed(ThreadNiceness::isCompilerThread, nice);
    }

    /** HotSpot's compiler threads: "C1 CompilerThread0", "C2 CompilerThread0", … (cut to 15 characters by Linux). */
    static boolean isCompilerThread(String kernelName) {
        return kernelName.startsWith("C1 CompilerThre") || kernelName.startsWith("C2 CompilerThre");
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
