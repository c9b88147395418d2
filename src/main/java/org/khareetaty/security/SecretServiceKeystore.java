package org.khareetaty.security;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The freedesktop Secret Service (GNOME Keyring, KWallet) through libsecret's {@code secret-tool}: {@code store} reads
 * the secret from standard input, {@code lookup} prints it; exit 1 with no message means "no such entry".
 */
final class SecretServiceKeystore implements OsKeystore {

    private final String tool;

    SecretServiceKeystore(String tool) {
        this.tool = tool;
    }

    @Override
    public String name() {
        return "Secret Service (secret-tool)";
    }

    @Override
    public Optional<byte[]> load(String account) throws KeystoreException {
        KeystoreProcess.Result result = KeystoreProcess.run(List.of(tool, "lookup", "service", SERVICE, "account", account), null);
        if (result.exit() == 0 && !result.out().isBlank()) {
            return Optional.of(decode(result.out()));
        }
        if (result.exit() == 1 && result.err().isEmpty()) {
            return Optional.empty();
        }
        throw failure("read", result);
    }

    @Override
    public void store(String account, byte[] secret) throws KeystoreException {
        KeystoreProcess.Result result = KeystoreProcess.run(List.of(tool, "store", "--label=Khareetaty credential key ("
                + account + ")", "service", SERVICE, "account", account), Base64.getEncoder().encodeToString(secret));
        if (result.exit() != 0) {
            throw failure("store", result);
        }
    }

    @Override
    public void delete(String account) throws KeystoreException {
        KeystoreProcess.Result result = KeystoreProcess.run(List.of(tool, "clear", "service", SERVICE, "account", account), null);
        if (result.exit() != 0 && !result.err().isEmpty()) {
            throw failure("clear", result);
        }
    }

    private static byte[] decode(String text) throws KeystoreException {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new KeystoreException("The keystore entry is not in the expected format");
        }
    }

    private KeystoreException failure(String action, KeystoreProcess.Result result) {
        return new KeystoreException("secret-tool could not " + action + " the credential key (exit " + result.exit()
                + (result.err().isEmpty() ? "" : ": " + result.err()) + ")");
    }
}
