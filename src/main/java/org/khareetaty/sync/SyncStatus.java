package org.khareetaty.sync;

import java.util.List;
import java.util.UUID;

/** What the sync pane and {@code sync status} show: settings, checkpoints, the queue and recent history. */
public record SyncStatus(boolean enabled, boolean configured, String serverUrl, String username, String tls,
        String caFile, int intervalMinutes, UUID workstationId, String workstationName, long pendingChanges,
        long pullCursor, boolean pushInFlight, SyncRun lastRun, SyncRun lastSuccess, long conflictsTotal,
        List<SyncConflict> recentConflicts, List<SyncRun> recentRuns) {
}
