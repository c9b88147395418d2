package org.khareetaty.cli;

import org.khareetaty.security.FileProtection;
import picocli.CommandLine.Option;

/**
 * {@code --encrypt} and {@code --passphrase-env VAR} for every command that writes a file for people: the file is then
 * AES-256-GCM ciphertext named {@code FILE.kenc} (open it with {@code khareetaty decrypt}). The passphrase never comes
 * from an argument (it would show in {@code ps} and the shell history): from the named environment variable, or typed
 * twice at the console.
 */
final class EncryptOptions {

    @Option(names = "--encrypt", description = "Encrypt the file with AES-256-GCM under a passphrase; the file gets the "
            + FileProtection.SUFFIX + " suffix (open it with: khareetaty decrypt FILE --out PLAIN)")
    boolean encrypt;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "With --encrypt: read the passphrase from this environment variable (default: ask twice)")
    String passphraseVariable;

    /** How to protect the file; asks for the passphrase when needed. */
    FileProtection protection() {
        if (!encrypt) {
            if (passphraseVariable != null) {
                throw new IllegalArgumentException("--passphrase-env needs --encrypt");
            }
            return FileProtection.NONE;
        }
        return FileProtection.passphrase(Passphrases.read(passphraseVariable, true));
    }

}
