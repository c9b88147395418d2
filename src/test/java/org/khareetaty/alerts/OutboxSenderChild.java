package org.khareetaty.alerts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Random;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.SecretStore;
import org.khareetaty.security.CredentialVault;
import org.khareetaty.store.Database;
import org.khareetaty.store.SettingsStore;

/**
 * The sender as a separate process, so the chaos test can kill it with SIGKILL at any moment. Prints READY
 * once the data folder is open, then works through the outbox until nothing is waiting, and exits 0.
 */
public final class OutboxSenderChild {

    private OutboxSenderChild() {
    }

    public static void main(String[] args) throws Exception {
        DataFolder folder = new DataFolder(Path.of(args[0]));
        // Only what the sender needs: a quick start matters when the test kills the process every few seconds.
        try (Database database = Database.open(folder)) {
            TwilioConfig config = TwilioConfig.load(new SettingsStore(database), new SecretStore(new CredentialVault(folder)),
                    new ArrayList<>()).orElseThrow();
            MessageGateway gateway = new TwilioGateway(config);
            OutboxSender sender = new OutboxSender(database, () -> Optional.of(gateway),
                    new Backoff(Duration.ofMillis(5), Duration.ofMillis(200), new Random()), Clock.systemUTC(),
                    () -> Duration.ofHours(48));
            System.out.println("READY");
            System.out.flush();
            long start = System.nanoTime();
            int sent = 0;
            while (sender.pendingCount() > 0) {
                sent += sender.sendDue(TaskContext.NONE).sent();
                Thread.sleep(5);
            }
            System.out.printf("DONE %d sent in %d ms%n", sent, (System.nanoTime() - start) / 1_000_000);
            System.out.flush();
        }
        System.exit(0);
    }
}
