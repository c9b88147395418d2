package org.khareetaty.sync;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one sync: what moved each way, the conflicts the server resolved, and the wall time of
 * each step in milliseconds (connect, local read, server apply, acknowledge, pull ...).
 */
public record SyncReport(Instant startedAt, Instant finishedAt, long pushedChanges, int pushBatches,
        int replayedBatches, long duplicatesMerged, long pulledChanges, long pullSkippedPending,
        List<SyncConflict> conflicts, long pendingAfter, Map<String, Long> phaseMillis) {

    public long elapsedMillis() {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
