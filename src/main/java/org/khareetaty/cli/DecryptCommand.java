package org.khareetaty.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.khareetaty.security.FileEncryption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Opens a file the app encrypted (an export or report written with --encrypt or "Encrypt with a passphrase", or an
 * encrypted backup) for whoever holds the passphrase. It needs no data folder and no account, so a supervisor can run
 * it on another workstation. The plaintext goes to a temporary sibling that is renamed only when every chunk has
 * authenticated, so a wrong passphrase or a changed file leaves nothing behind.
 */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = "Decrypt a .kenc export or report (or an encrypted backup) with its passphrase")
final class DecryptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The encrypted file")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the decrypted file")
    Path out;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "Read the passphrase from this environment variable (default: ask at the console)")
    String passphraseVariable;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No such file: " + file);
        }
        if (!FileEncryption.isEncrypted(file)) {
            throw new IllegalArgumentException(file + " is not an encrypted Khareetaty file");
        }
        if (Files.exists(out)) {
            throw new IllegalArgumentException(out + " exists already: choose another --out (nothing was written)");
        }
        char[] passphrase = Passphrases.read(passphraseVariable, false);
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        long bytes;
        try (InputStream in = FileEncryption.decrypting(Files.newInputStream(file), passphrase, file.toString());
                OutputStream sink = Files.newOutputStream(partial)) {
            bytes = in.transferTo(sink);
        } catch (RuntimeException | java.io.IOException e) {
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            java.util.Arrays.fill(passphrase, '\0');
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        spec.commandLine().getOut().printf("Decrypted %s to %s (%,d bytes)%n", file, target, bytes);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
