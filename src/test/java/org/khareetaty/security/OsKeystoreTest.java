package org.khareetaty.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.SecretStore;

/**
 * The OS keystore protocol (ADR 0102), against a fake {@code secret-tool} that behaves like libsecret's (store reads
 * stdin; lookup prints; exit 1 without a message = no entry; a message = failure) and logs its arguments, so the test
 * also sees that no secret is ever passed on a command line.
 */
class OsKeystoreTest {

    private static final char[] ADA = "ada-lovelace-1815".toCharArray();

    @TempDir
    Path folder;
    Path store;
    Path argumentsLog;
    Path mode;
    SecretServiceKeystore fake;

    @BeforeEach
    void fakeSecretTool() throws Exception {
        store = Files.createDirectories(folder.resolve("fake-store"));
        argumentsLog = folder.resolve("arguments.log");
        mode = folder.resolve("mode");
        Path tool = folder.resolve("bin").resolve("secret-tool");
        Files.createDirectories(tool.getParent());
        Files.writeString(tool, """
                #!/bin/sh
                echo "$@" >> '%s'
                if [ -f '%s' ]; then echo "secret-tool: Cannot autolaunch D-Bus without X11 $DISPLAY" >&2; exit 1; fi
                eval account=\\${$#}
                entry='%s'/$(printf '%%s' "$account" | sha256sum | cut -c1-16)
                case "$1" in
                  store) cat > "$entry"; exit 0 ;;
                  lookup) if [ -f "$entry" ]; then cat "$entry"; exit 0; else exit 1; fi ;;
                  clear) rm -f "$entry"; exit 0 ;;
                esac
                echo "usage" >&2; exit 2
                """.formatted(argumentsLog, mode, store));
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        fake = new SecretServiceKeystore(tool.toString());
    }

    @Test
    void storeLoadMissingDeleteAndFailureFollowTheToolsProtocol() throws Exception {
        byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        assertThat(fake.load("/data/one")).as("missing").isEmpty();
        fake.store("/data/one", secret);
        assertThat(fake.load("/data/one")).hasValueSatisfying(loaded -> assertThat(loaded).isEqualTo(secret));
        assertThat(fake.load("/data/two")).isEmpty();
        fake.delete("/data/one");
        assertThat(fake.load("/data/one")).isEmpty();
        fake.delete("/data/one");

        String arguments = Files.readString(argumentsLog);
        assertThat(arguments).contains("store --label=Khareetaty credential key (/data/one) service "
                + OsKeystore.SERVICE + " account /data/one").contains("lookup service " + OsKeystore.SERVICE);
        assertThat(arguments).doesNotContain(Base64.getEncoder().encodeToString(secret))
                .doesNotContain(new String(secret, StandardCharsets.US_ASCII));

        Files.writeString(mode, "fail");
        assertThatThrownBy(() -> fake.load("/data/one")).isInstanceOf(OsKeystore.KeystoreException.class)
                .hasMessageContaining("Cannot autolaunch D-Bus");
        assertThatThrownBy(() -> fake.store("/data/one", secret)).isInstanceOf(OsKeystore.KeystoreException.class);
    }

    @Test
    void theKeystoreOpensTheCredentialsWithoutAPasswordForTheSameOsAccount() throws Exception {
        DataFolder data = new DataFolder(folder.resolve("data"));
        CredentialVault first = new CredentialVault(data, 1024, Optional.of(fake));
        assertThat(first.administratorAuthenticated("ada", ADA)).isTrue();
        String stored = new SecretStore(first).encrypt("twilio-token");
        assertThat(first.inKeystore()).isTrue();
        assertThat(Files.readString(data.root().resolve("keys/secrets.vault"))).contains("\nos ")
                .contains("Secret Service");
        assertThat(Files.readString(argumentsLog)).as("the key never on a command line")
                .doesNotContain(Base64.getEncoder().encodeToString(firstKey(first)));

        CredentialVault unattended = new CredentialVault(data, 1024, Optional.of(fake));
        assertThat(unattended.unlocked()).isTrue();
        assertThat(new SecretStore(unattended).decrypt(stored)).isEqualTo("twilio-token");

        CredentialVault elsewhere = new CredentialVault(data, 1024, Optional.empty());
        assertThat(elsewhere.unlocked()).as("another OS account or machine: no keystore entry").isFalse();
        assertThatThrownBy(() -> new SecretStore(elsewhere).decrypt(stored)).isInstanceOf(SecretStore.LockedException.class);

        Files.writeString(mode, "fail");
        CredentialVault failing = new CredentialVault(data, 1024, Optional.of(fake));
        assertThatThrownBy(() -> new SecretStore(failing).decrypt(stored)).isInstanceOf(SecretStore.LockedException.class)
                .hasMessageContaining("sign in as an administrator");
        assertThat(failing.administratorAuthenticated("ada", ADA)).as("the password still opens it").isTrue();
        assertThat(new SecretStore(failing).decrypt(stored)).isEqualTo("twilio-token");
        Files.delete(mode);

        try (org.khareetaty.store.Database database = org.khareetaty.store.TestDatabases.open(folder.resolve("audit"))) {
            AuditLog audit = new AuditLog(database, java.time.Clock.systemUTC());
            assertThatThrownBy(() -> unattended.forgetKeystore(new Principal("ann", Role.ANALYST), audit))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(unattended.forgetKeystore(new Principal("ada", Role.ADMINISTRATOR), audit)).isTrue();
            assertThat(audit.latest(2)).extracting(AuditRecord::event, AuditRecord::outcome).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("KEYSTORE_FORGET", "SUCCESS"),
                    org.assertj.core.groups.Tuple.tuple("KEYSTORE_FORGET", "DENIED"));
        }
        assertThat(fake.load(data.root().toString())).isEmpty();
        assertThat(Files.readString(data.root().resolve("keys/secrets.vault"))).contains("\nos off").doesNotContain("Secret Service");
        assertThat(new CredentialVault(data, 1024, Optional.of(fake)).unlocked()).isFalse();

        // Forgetting lasts: a later administrator's sign-in in a new process does not store the key again.
        CredentialVault later = new CredentialVault(data, 1024, Optional.of(fake));
        assertThat(later.administratorAuthenticated("ada", ADA)).isTrue();
        assertThat(later.keystoreTurnedOff()).isTrue();
        assertThat(later.inKeystore()).isFalse();
        assertThat(fake.load(data.root().toString())).isEmpty();
        assertThat(new CredentialVault(data, 1024, Optional.of(fake)).unlocked()).isFalse();

        // Until an administrator turns it on again (audited); the unlocked key goes in at once.
        try (org.khareetaty.store.Database database = org.khareetaty.store.TestDatabases.open(folder.resolve("audit2"))) {
            AuditLog audit = new AuditLog(database, java.time.Clock.systemUTC());
            assertThatThrownBy(() -> later.useKeystore(new Principal("ann", Role.ANALYST), audit))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(later.useKeystore(new Principal("ada", Role.ADMINISTRATOR), audit)).isTrue();
            assertThat(audit.latest(1)).extracting(AuditRecord::event, AuditRecord::outcome)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("KEYSTORE_USE", "SUCCESS"));
        }
        assertThat(later.keystoreTurnedOff()).isFalse();
        CredentialVault again = new CredentialVault(data, 1024, Optional.of(fake));
        assertThat(again.unlocked()).isTrue();
        assertThat(new SecretStore(again).decrypt(stored)).isEqualTo("twilio-token");
    }

    @Test
    void aReplacedKeystoreEntryIsNotTrusted() throws Exception {
        DataFolder data = new DataFolder(folder.resolve("data"));
        CredentialVault first = new CredentialVault(data, 1024, Optional.of(fake));
        first.administratorAuthenticated("ada", ADA);
        fake.store(data.root().toString(), new byte[32]);
        assertThat(new CredentialVault(data, 1024, Optional.of(fake)).unlocked()).isFalse();
    }

    @Test
    void detectionNeedsTheToolAndASessionBusAndCanBeTurnedOff() {
        Path bin = folder.resolve("bin");
        Map<String, String> desktop = Map.of("PATH", bin.toString(), "DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/bus");
        assertThat(OsKeystore.detect("Linux", desktop, null, folder)).get().extracting(OsKeystore::name)
                .isEqualTo("Secret Service (secret-tool)");
        assertThat(OsKeystore.detect("Linux", Map.of("PATH", bin.toString()), null, folder)).as("no session bus").isEmpty();
        assertThat(OsKeystore.detect("Linux", Map.of("DBUS_SESSION_BUS_ADDRESS", "x", "PATH", "/nonexistent"), null,
                folder)).as("no secret-tool").isEmpty();
        assertThat(OsKeystore.detect("Linux", desktop, "none", folder)).isEmpty();
        assertThat(OsKeystore.detect("Linux", Map.of("PATH", bin.toString(), "DBUS_SESSION_BUS_ADDRESS", "x",
                "KHAREETATY_KEYSTORE", "none"), null, folder)).isEmpty();
        assertThat(MacKeychain.quote("/Users/a \"b\"\\c")).isEqualTo("\"/Users/a \\\"b\\\"\\\\c\"");
    }

    /** Runs only inside a real desktop session (e.g. dbus-run-session with gnome-keyring, see docs/notes/issue-12.md). */
    @Test
    void theRealSecretServiceKeepsTheKeyWhenOneIsRunning() throws Exception {
        Optional<OsKeystore> real = OsKeystore.detect("Linux", System.getenv(), null, folder);
        Assumptions.assumeTrue(real.isPresent() && System.getenv("KHAREETATY_TEST_REAL_KEYSTORE") != null,
                "no Secret Service session (set KHAREETATY_TEST_REAL_KEYSTORE inside dbus-run-session to run)");
        DataFolder data = new DataFolder(folder.resolve("real"));
        CredentialVault first = new CredentialVault(data, 1024, real);
        first.administratorAuthenticated("ada", ADA);
        String stored = new SecretStore(first).encrypt("real-keyring-token");
        assertThat(first.inKeystore()).isTrue();
        CredentialVault unattended = new CredentialVault(data, 1024, real);
        assertThat(new SecretStore(unattended).decrypt(stored)).isEqualTo("real-keyring-token");
        assertThat(unattended.forgetKeystore()).isTrue();
        assertThat(real.get().load(data.root().toString())).isEmpty();
    }

    private static byte[] firstKey(CredentialVault vault) {
        return vault.dataKey();
    }
}
