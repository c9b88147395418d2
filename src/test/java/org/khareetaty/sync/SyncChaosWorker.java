package org.khareetaty.sync;

import java.nio.file.Path;
import java.time.Clock;
import org.khareetaty.security.Principal;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of the chaos test, run in a child JVM that the test kills with SIGKILL at random moments:
 * syncs the data folder with small batches, retrying after cut connections, until nothing is pending.
 */
public final class SyncChaosWorker {

    private static final Logger LOG = LoggerFactory.getLogger(SyncChaosWorker.class);

    private SyncChaosWorker() {
    }

    public static void main(String[] args) throws Exception {
        try (CoreServices core = CoreServices.open(new DataFolder(Path.of(args[0])))) {
            SyncService sync = new SyncService(core.database(), core.settings(), core.secrets(), core.settingChanges(),
                    core.audit(), Clock.systemUTC(), core.areas()::linkPulled, core.tasks(),
                    400, 1000);
            for (int attempt = 1; attempt <= 500; attempt++) {
                try {
                    SyncReport report = sync.sync(Principal.BOOTSTRAP, TaskContext.NONE);
                    if (report.pendingAfter() == 0 && !sync.status().pushInFlight()) {
                        LOG.warn("DONE after {} attempt(s)", attempt);
                        return;
                    }
                } catch (SyncException e) {
                    LOG.warn("attempt {} cut: {}", attempt, e.getMessage());
                    Thread.sleep(100);
                }
            }
            throw new IllegalStateException("gave up after 500 attempts");
        }
    }
}
