package org.khareetaty.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import org.khareetaty.security.Principal;

/** What every step of one run sees: who runs it, when, and whether the import step brought new data. */
public final class PipelineContext {

    private final Principal principal;
    private final Instant startedAt;
    private final LocalDate localToday;
    private long newIncidents;

    PipelineContext(Principal principal, Instant startedAt, LocalDate localToday) {
        this.principal = principal;
        this.startedAt = startedAt;
        this.localToday = localToday;
    }

    public Principal principal() {
        return principal;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public LocalDate localToday() {
        return localToday;
    }

    public long newIncidents() {
        return newIncidents;
    }

    void addNewIncidents(long count) {
        newIncidents += count;
    }
}
