package org.khareetaty.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.khareetaty.alerts.AlertSettings;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.SecretStore;
import org.khareetaty.core.CoreServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: credentials are encrypted with a key protected by the administrators' passwords (ADR 0100). */
class CredentialVaultTest {

    private static final char[] ADA = "ada-lovelace-1815".toCharArray();
    private static final char[] BOB = "bob-the-builder-99".toCharArray();

    @TempDir
    Path folder;

    @Test
    void theOldKeyFileMovesIntoTheVaultAndOldSecretsStayReadable() {
        DataFolder data = new DataFolder(folder);
        String stored = new SecretStore(new CredentialVault(data, 1024)).encrypt("twilio-token-from-last-year");
        Path legacy = folder.resolve("keys/secrets.key");
        assertThat(legacy).exists();

        CredentialVault vault = new CredentialVault(data, 1024);
        assertThat(vault.administratorAuthenticated("ada", ADA)).isTrue();
        assertThat(legacy).doesNotExist();
        assertThat(folder.resolve("keys/secrets.vault")).exists();
        assertThat(new SecretStore(vault).decrypt(stored)).isEqualTo("twilio-token-from-last-year");

        // A new process: locked until an administrator signs in.
        CredentialVault restarted = new CredentialVault(data, 1024);
        SecretStore secrets = new SecretStore(restarted);
        assertThatThrownBy(() -> secrets.decrypt(stored)).isInstanceOf(SecretStore.LockedException.class)
                .hasMessageContaining("sign in as an administrator");
        assertThat(restarted.administratorAuthenticated("ada", ADA)).isTrue();
        assertThat(secrets.decrypt(stored)).isEqualTo("twilio-token-from-last-year");
    }

    @Test
    void anotherAdministratorGetsTheKeyOnlyFromAnUnlockedVault() {
        DataFolder data = new DataFolder(folder);
        CredentialVault first = new CredentialVault(data, 1024);
        first.administratorAuthenticated("ada", ADA);
        String stored = new SecretStore(first).encrypt("sync-password");

        CredentialVault locked = new CredentialVault(data, 1024);
        assertThat(locked.administratorAuthenticated("bob", BOB)).as("no wrapping for bob, nobody unlocked").isFalse();
        assertThat(locked.unlocked()).isFalse();

        first.administratorAuthenticated("bob", BOB);
        CredentialVault restarted = new CredentialVault(data, 1024);
        assertThat(restarted.administratorAuthenticated("bob", BOB)).isTrue();
        assertThat(new SecretStore(restarted).decrypt(stored)).isEqualTo("sync-password");
    }

    @Test
    void aWrongPasswordDoesNotOpenTheVault() {
        DataFolder data = new DataFolder(folder);
        new CredentialVault(data, 1024).administratorAuthenticated("ada", ADA);
        CredentialVault restarted = new CredentialVault(data, 1024);
        assertThatThrownBy(() -> restarted.administratorAuthenticated("ada", "not-her-password".toCharArray()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(restarted.unlocked()).isFalse();
    }

    @Test
    void signingInAsAnAdministratorUnlocksTheTwilioTokenForThatProcessOnly() throws Exception {
        DataFolder data = new DataFolder(folder.resolve("db"));
        try (CoreServices core = CoreServices.open(data)) {
            core.users().create(Principal.BOOTSTRAP, "ada", "Ada", Role.ADMINISTRATOR, ADA);
            core.users().create(new Principal("ada", Role.ADMINISTRATOR), "ann", "Ann", Role.ANALYST,
                    "analyst-password-1".toCharArray());
            assertThat(core.vault().passwordProtected()).isTrue();
            core.alerts().configureTwilio(new Principal("ada", Role.ADMINISTRATOR), "AC123", "+15550001111", "",
                    "token-under-the-vault");
            assertThat(core.alerts().configurationProblems()).isEmpty();
        }
        assertThat(Files.exists(data.root().resolve("keys/secrets.key"))).isFalse();
        try (CoreServices core = CoreServices.open(data)) {
            core.users().signIn("ann", "analyst-password-1".toCharArray());
            assertThat(core.alerts().configurationProblems()).singleElement().asString()
                    .contains("sign in as an administrator");
            core.users().signIn("ada", ADA);
            assertThat(core.alerts().configurationProblems()).isEmpty();
            assertThat(core.secrets().decrypt(core.settings().get(AlertSettings.TWILIO_AUTH_TOKEN_ENCRYPTED)))
                    .isEqualTo("token-under-the-vault");
        }
    }
}
