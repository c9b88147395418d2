package org.khareetaty.security;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The macOS login Keychain through {@code /usr/bin/security}. Reading prints the password ({@code -w}); writing goes
 * through {@code security -i}, which reads its command from standard input, so the secret is never an argument.
 * Exit 44 means "no such item".
 */
final class MacKeychain implements OsKeystore {

    private static final int NOT_FOUND = 44;
    private final String tool;

    MacKeychain(String tool) {
        this.tool = tool;
    }

    @Override
    public String name() {
        return "macOS Keychain";
    }

    @Override
    public Optional<byte[]> load(String account) throws KeystoreException {
        KeystoreProcess.Result result = KeystoreProcess.run(List.of(tool, "find-generic-password", "-s", SERVICE,
                "-a", account, "-w"), null);
        if (result.exit() == 0 && !result.out().isBlank()) {
            try {
                return Optional.of(Base64.getDecoder().decode(result.out().strip()));
            } catch (IllegalArgumentException e) {
                throw new KeystoreException("The Keychain item is not in the expected format");
            }
        }
        if (result.exit() == NOT_FOUND) {
            return Optional.empty();
        }
        throw failure("read", result);
    }

    @Override
    public void store(String account, byte[] secret) throws KeystoreException {
        String command = "add-generic-password -U -s " + SERVICE + " -a " + quote(account)
                + " -l \"Khareetaty credential key\" -w " + Base64.getEncoder().encodeToString(secret) + "\n";
        KeystoreProcess.Result result = KeystoreProcess.run(List.of(tool, "-i"), command);
        if (result.exit() != 0 || !result.err().isEmpty()) {
            throw failure("store", result);
        }
    }

    @Override
    public void delete(String account) throws KeystoreException {
        KeystoreProcess.Result result = KeystoreProcess.run(List.of(tool, "delete-generic-password", "-s", SERVICE,
                "-a", account), null);
        if (result.exit() != 0 && result.exit() != NOT_FOUND) {
            throw failure("delete", result);
        }
    }

    /** Quotes for the {@code security -i} command reader (double quotes, backslash escapes). */
    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static KeystoreException failure(String action, KeystoreProcess.Result result) {
        return new KeystoreException("security could not " + action + " the credential key (exit " + result.exit()
                + (result.err().isEmpty() ? "" : ": " + result.err()) + ")");
    }
}
