package org.khareetaty.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this process's native threads (Linux {@code /proc/self/task}), so a benchmark can say how much of
 * the process CPU went to the JIT compiler and the garbage collector rather than to the work itself. Empty where
 * there is no {@code /proc}.
 */
final class ThreadCpu {

    /** Linux reports thread times in clock ticks of 10 ms (USER_HZ is 100 on every mainstream kernel). */
    private static final long MS_PER_TICK = 10;

    private ThreadCpu() {
    }

    /** Thread id and name to CPU milliseconds, for the threads alive now. */
    static Map<String, Long> byThread() {
        Map<String, Long> cpu = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return cpu;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String[] rest = stat.substring(close + 2).split(" ");
                    // Fields after the name: state is 3rd in stat, utime 14th and stime 15th.
                    long ticks = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
                    cpu.put(task.getFileName() + " " + stat.substring(open + 1, close), ticks * MS_PER_TICK);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            });
        } catch (IOException e) {
            return cpu;
        }
        return cpu;
    }

    /**
     * CPU used between two samples by kind of thread: JIT compiler, GC, the importer's writer (main), H2's
     * background threads, other live threads, and threads that ended meanwhile (the parsers) as the rest of
     * the process total.
     */
    static Map<String, Long> groups(Map<String, Long> before, Map<String, Long> after, long processMs) {
        Map<String, Long> groups = new LinkedHashMap<>();
        if (after.isEmpty()) {
            return groups;
        }
        long live = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            long used = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            String name = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            String group = name.startsWith("C1 ") || name.startsWith("C2 ") ? "jit"
                    : name.startsWith("GC ") || name.startsWith("G1 ") ? "gc"
                    : name.equals("java") || name.equals("main") ? "main"
                    : name.startsWith("MVStore") || name.startsWith("H2 ") ? "h2" : "other";
            groups.merge(group, used, Long::sum);
            live += used;
        }
        groups.put("endedThreads", Math.max(0, processMs - live));
        return groups;
    }
}
