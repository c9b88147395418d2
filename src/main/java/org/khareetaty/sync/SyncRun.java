package org.khareetaty.sync;

import java.time.Instant;

/** One recorded sync attempt; {@code error} gives the reason when it failed. */
public record SyncRun(long id, Instant startedAt, Instant finishedAt, String outcome, long pushed, long pulled,
        long conflicts, String error) {
}
