package org.khareetaty.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.khareetaty.security.OsKeystore.KeystoreException;

/** Runs a keystore tool with the secret on standard input (never in the arguments), with a time limit. */
final class KeystoreProcess {

    /** What the tool answered. */
    record Result(int exit, String out, String err) {
    }

    private static final long TIMEOUT_SECONDS = 20;

    private KeystoreProcess() {
    }

    static Result run(List<String> command, String input) throws KeystoreException {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new KeystoreException("Cannot start " + command.get(0) + ": " + e.getMessage());
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the tool exited before reading: its exit code and message say why
        }
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new KeystoreException(command.get(0) + " did not answer within " + TIMEOUT_SECONDS
                        + " s (is the keystore waiting for an unlock prompt?)");
            }
            return new Result(process.exitValue(), out.join(), err.join().strip());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new KeystoreException("Interrupted while waiting for " + command.get(0));
        }
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, runnable -> {
            Thread thread = new Thread(runnable, "keystore-process-output");
            thread.setDaemon(true);
            thread.start();
        });
    }
}
