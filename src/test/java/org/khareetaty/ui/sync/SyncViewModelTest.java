package org.khareetaty.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.Principal;
import org.khareetaty.core.CoreServices;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.sync.SyncSettings;
import org.khareetaty.ui.common.FxExecutor;

/** The sync pane's view model without a server: validation, encrypted password, timer rules, failure reasons. */
class SyncViewModelTest {

    @Test
    void savesSettingsWithEncryptedPasswordAndReportsFailuresWithReason(@TempDir Path folder) throws Exception {
        try (CoreServices core = CoreServices.open(TestDatabases.prepare(folder))) {
            SyncViewModel model = new SyncViewModel(core.sync(), Principal.BOOTSTRAP, new FxExecutor(core.tasks(), Runnable::run),
                    Clock.systemUTC());
            model.urlProperty().set("http://not-a-database");
            model.usernameProperty().set("analyst");
            model.save();
            assertThat(model.messageProperty().get()).startsWith("Not saved:").contains("jdbc:postgresql://");

            model.urlProperty().set("jdbc:postgresql://127.0.0.1:1/khareetaty");
            model.passwordProperty().set("very-secret-password");
            model.plainLoopbackProperty().set(true);
            model.automaticProperty().set(true);
            model.intervalMinutesProperty().set(5);
            model.save();
            waitFor(() -> model.messageProperty().get().startsWith("Settings saved"));
            String stored = core.settings().get(SyncSettings.PASSWORD_ENCRYPTED);
            assertThat(stored).startsWith("gcm1:").doesNotContain("very-secret-password");
            assertThat(core.sync().serverConfig().orElseThrow().password()).isEqualTo("very-secret-password");
            assertThat(model.passwordProperty().get()).isEmpty();

            // Automatic sync is due at once; nothing listens on port 1, so it fails and says why.
            model.tick();
            waitFor(() -> model.messageProperty().get().startsWith("Sync failed"));
            assertThat(model.messageProperty().get()).contains("127.0.0.1:1");
            waitFor(() -> !model.runs().isEmpty());
            assertThat(model.runs().get(0).outcome()).isEqualTo("FAILED");
            assertThat(model.runs().get(0).error()).contains("Cannot connect");
            assertThat(model.lastSyncProperty().get()).contains("failed");

            // Not due again before the interval has passed.
            int runs = model.runs().size();
            model.tick();
            Thread.sleep(300);
            model.refresh();
            waitFor(() -> !model.busyProperty().get());
            assertThat(model.runs()).hasSize(runs);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 30 s");
            }
            Thread.sleep(20);
        }
    }
}
