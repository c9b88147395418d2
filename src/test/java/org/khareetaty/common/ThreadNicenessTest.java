package org.khareetaty.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lowering the operating system's priority of some of the JVM's threads (Linux only). */
class ThreadNicenessTest {

    @BeforeEach
    void onLinux() {
        Assumptions.assumeTrue(ThreadNiceness.currentNice().isPresent(), "thread nice values are only visible on Linux");
    }

    @Test
    void onlyTheThreadsNamedAreLowered() throws Exception {
        CountDownLatch lowered = new CountDownLatch(1);
        Map<String, Integer> nice = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(2);
        for (String name : List.of("nice-probe-low", "nice-probe-keep")) {
            Thread thread = new Thread(() -> {
                started.countDown();
                try {
                    lowered.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                nice.put(name, ThreadNiceness.currentNice().getAsInt());
            }, name);
            thread.start();
            threads.add(thread);
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        int base = ThreadNiceness.currentNice().getAsInt();

        int count = ThreadNiceness.lowerThreadsNamed("nice-probe-low"::equals, 7);
        lowered.countDown();
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        assertThat(count).isEqualTo(1);
        assertThat(nice.get("nice-probe-keep")).isEqualTo(base);
        // renice sets the value (util-linux) or adds to it (POSIX).
        assertThat(nice.get("nice-probe-low")).isGreaterThan(base < 19 ? base : 18);
    }

    @Test
    void theCompilerThreadsAreKnownByTheNamesLinuxGivesThem() throws IOException {
        assertThat(kernelNames(Path.of("/proc/self/task")).values()).anyMatch(ThreadNiceness::isCompilerThread)
                .noneMatch(name -> ThreadNiceness.isCompilerThread(name) && !name.matches("C[12] CompilerThre"));
        assertThat(ThreadNiceness.isCompilerThread("background-1")).isFalse();
        assertThat(ThreadNiceness.isCompilerThread("JavaFX Applicat")).isFalse();
    }

    /**
     * In a JVM of its own (lowering this one's compiler would slow the rest of the tests): the compiler keeps its
     * priority until a user interface that yields to the foreground starts moving, then it runs below it.
     */
    @Test
    void theCompilerRunsBelowAMovingUserInterfaceOnly() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-XX:-UseDynamicNumberOfCompilerThreads", "-cp", System.getProperty("java.class.path"), Child.class.getName())
                .redirectErrorStream(true).start();
        String output;
        try (var in = child.getInputStream()) {
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(child.exitValue()).as(output).isZero();
        Map<String, String> lines = new TreeMap<>();
        output.lines().filter(line -> line.contains("=")).forEach(line -> lines.put(line.split("=")[0], line.split("=")[1]));
        int base = Integer.parseInt(lines.get("base"));
        assertThat(lines.get("movingWithoutYield")).as(output).isEqualTo(Integer.toString(base));
        assertThat(Integer.parseInt(lines.get("movingAfterYield"))).as(output).isGreaterThan(base < 19 ? base : 18);
    }

    /** Prints the compiler threads' lowest nice value at each step. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            try (BackgroundTasks tasks = new BackgroundTasks(2)) {
                System.out.println("base=" + compilerNice());
                tasks.foregroundMoving();
                drain(tasks);
                System.out.println("movingWithoutYield=" + compilerNice());
                tasks.yieldToForeground();
                tasks.foregroundMoving();
                tasks.foregroundMoving();
                drain(tasks);
                System.out.println("movingAfterYield=" + compilerNice());
            }
        }

        /** Waits until every task submitted has ended (the lowering runs on a worker, after the call returns). */
        private static void drain(BackgroundTasks tasks) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!tasks.running().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        private static int compilerNice() throws IOException {
            int lowest = Integer.MAX_VALUE;
            for (Map.Entry<Path, String> thread : kernelNames(Path.of("/proc/self/task")).entrySet()) {
                if (ThreadNiceness.isCompilerThread(thread.getValue())) {
                    String stat = Files.readString(thread.getKey().resolve("stat"));
                    lowest = Math.min(lowest, Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                }
            }
            return lowest;
        }
    }

    private static Map<Path, String> kernelNames(Path tasks) throws IOException {
        Map<Path, String> names = new TreeMap<>();
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                try {
                    names.put(task, Files.readString(task.resolve("comm")).strip());
                } catch (IOException e) {
                    // ended meanwhile
                }
            }
        }
        return names;
    }
}
