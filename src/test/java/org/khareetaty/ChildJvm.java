package org.khareetaty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of the test classpath in a separate JVM, so tests can kill it with SIGKILL. */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static Process start(Class<?> mainClass, String... args) {
        return start(List.of(), mainClass, args);
    }

    public static Process start(List<String> jvmOptions, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** kill -9: the process gets no chance to flush or close anything. */
    public static void killHard(Process process) throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }
}
