package org.khareetaty.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Windows DPAPI (CurrentUser scope) through PowerShell's {@code ProtectedData}: the key goes in and out as base64 on
 * standard input and output; the protected blob (which only this Windows account can unprotect) is kept in
 * {@code keys/secrets.dpapi}. The account name is not needed: the blob file belongs to one data folder.
 */
final class WindowsDpapi implements OsKeystore {

    private static final String SCRIPT = "Add-Type -AssemblyName System.Security; "
            + "$in = [Convert]::FromBase64String([Console]::In.ReadLine()); "
            + "$out = [System.Security.Cryptography.ProtectedData]::%s($in, $null, "
            + "[System.Security.Cryptography.DataProtectionScope]::CurrentUser); "
            + "[Console]::Out.Write([Convert]::ToBase64String($out))";

    private final String tool;
    private final Path blobFile;

    WindowsDpapi(String tool, Path blobFile) {
        this.tool = tool;
        this.blobFile = blobFile;
    }

    @Override
    public String name() {
        return "Windows DPAPI";
    }

    @Override
    public Optional<byte[]> load(String account) throws KeystoreException {
        if (!Files.exists(blobFile)) {
            return Optional.empty();
        }
        try {
            String blob = Files.readString(blobFile, StandardCharsets.US_ASCII).strip();
            return Optional.of(Base64.getDecoder().decode(call("Unprotect", blob)));
        } catch (IOException | IllegalArgumentException e) {
            throw new KeystoreException("Cannot read " + blobFile + ": " + e.getMessage());
        }
    }

    @Override
    public void store(String account, byte[] secret) throws KeystoreException {
        String blob = call("Protect", Base64.getEncoder().encodeToString(secret));
        try {
            Files.createDirectories(blobFile.getParent());
            Path temporary = blobFile.resolveSibling(blobFile.getFileName() + ".tmp");
            Files.writeString(temporary, blob + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, blobFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KeystoreException("Cannot write " + blobFile + ": " + e.getMessage());
        }
    }

    @Override
    public void delete(String account) throws KeystoreException {
        try {
            Files.deleteIfExists(blobFile);
        } catch (IOException e) {
            throw new KeystoreException("Cannot delete " + blobFile + ": " + e.getMessage());
        }
    }

    private String call(String method, String base64) throws KeystoreException {
        KeystoreProcess.Result result = KeystoreProcess.run(List.of(tool, "-NoProfile", "-NonInteractive", "-Command",
                String.format(SCRIPT, method)), base64 + "\n");
        if (result.exit() != 0 || result.out().isBlank()) {
            throw new KeystoreException("PowerShell could not " + method.toLowerCase(java.util.Locale.ROOT)
                    + " the credential key with DPAPI (exit " + result.exit()
                    + (result.err().isEmpty() ? "" : ": " + result.err()) + ")");
        }
        return result.out().strip();
    }
}
