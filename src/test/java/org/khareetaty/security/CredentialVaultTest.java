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

    @Test
    void aChangedPasswordRewrapsTheVaultSoOnlyTheNewOneOpensIt() throws Exception {
        DataFolder data = new DataFolder(folder.resolve("db"));
        char[] adaNew = "ada-analytical-engine-1843".toCharArray();
        char[] bobNew = "bob-can-we-fix-it-2026".toCharArray();
        Principal ada = new Principal("ada", Role.ADMINISTRATOR);
        try (CoreServices core = CoreServices.open(data)) {
            core.users().create(Principal.BOOTSTRAP, "ada", "Ada", Role.ADMINISTRATOR, ADA);
            core.users().create(ada, "bob", "Bob", Role.ADMINISTRATOR, BOB);
            core.users().create(ada, "ann", "Ann", Role.ANALYST, "analyst-password-1".toCharArray());
            core.alerts().configureTwilio(ada, "AC123", "+15550001111", "", "token-under-the-vault");

            assertThatThrownBy(() -> core.users().changeOwnPassword(ada, "not-the-password".toCharArray(), adaNew))
                    .hasMessageContaining("current password is wrong");
            assertThat(core.audit().latest(1).get(0)).extracting(AuditRecord::event, AuditRecord::outcome)
                    .containsExactly("PASSWORD_CHANGE", "FAILURE");
            assertThat(core.users().user("ada").orElseThrow().failedLogins()).isEqualTo(1);
            assertThatThrownBy(() -> core.users().changeOwnPassword(ada, ADA, "password".toCharArray()))
                    .hasMessageContaining("common");

            core.users().changeOwnPassword(ada, ADA, adaNew);
            assertThat(core.audit().latest(1).get(0)).extracting(AuditRecord::event, AuditRecord::username,
                    AuditRecord::outcome).containsExactly("PASSWORD_CHANGE", "ada", "SUCCESS");
            core.users().resetPassword(ada, "bob", bobNew);
            assertThat(core.audit().latest(1).get(0)).extracting(AuditRecord::event, AuditRecord::object,
                    AuditRecord::outcome).containsExactly("PASSWORD_RESET", "bob", "SUCCESS");
            Principal ann = new Principal("ann", Role.ANALYST);
            assertThatThrownBy(() -> core.users().resetPassword(ann, "ada", "ann-takes-over-2026".toCharArray()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(core.audit().latest(1).get(0)).extracting(AuditRecord::event, AuditRecord::outcome)
                    .containsExactly("PASSWORD_RESET", "DENIED");
            core.users().changeOwnPassword(ann, "analyst-password-1".toCharArray(), "analyst-password-2".toCharArray());
            assertThat(core.audit().verify().intact()).isTrue();
        }
        String token;
        try (CoreServices core = CoreServices.open(data)) {
            assertThatThrownBy(() -> core.users().signIn("ada", ADA)).isInstanceOf(UserService.SignInException.class);
            core.users().signIn("ann", "analyst-password-2".toCharArray());
            token = core.settings().get(AlertSettings.TWILIO_AUTH_TOKEN_ENCRYPTED);
        }
        for (var account : java.util.Map.of("ada", new char[][] {ADA, adaNew}, "bob", new char[][] {BOB, bobNew}).entrySet()) {
            CredentialVault restarted = new CredentialVault(data);
            assertThatThrownBy(() -> restarted.administratorAuthenticated(account.getKey(), account.getValue()[0]))
                    .as("the old password of " + account.getKey()).isInstanceOf(IllegalStateException.class);
            assertThat(restarted.unlocked()).isFalse();
            assertThat(restarted.administratorAuthenticated(account.getKey(), account.getValue()[1])).isTrue();
            assertThat(new SecretStore(restarted).decrypt(token)).isEqualTo("token-under-the-vault");
        }
    }
}
