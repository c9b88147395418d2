package org.khareetaty.sync;

import java.time.Instant;
import java.util.List;

/** The outcome of one sync: what moved each way and the conflicts the server resolved. */
public record SyncReport(Instant startedAt, Instant finishedAt, long pushedChanges, int pushBatches,
        int replayedBatches, long duplicatesMerged, long pulledChanges, long pullSkippedPending,
        List<SyncConflict> conflicts, long pendingAfter) {

    public long elapsedMillis() {
        return finishedAt.toEpochMilli() - startedAt.toEpochMilli();
    }
}
