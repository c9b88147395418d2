package org.khareetaty.common.events;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells interested services that data changed: an import finished or an analysis run was stored.
 * Import and analysis services call {@link #importFinished} and {@link #analysisFinished} after their
 * transaction commits; listeners (the alert evaluator, for one) must return quickly and do heavy
 * work on the background executor. One instance lives in {@code CoreServices}.
 */
public final class DataEvents {

    private static final Logger LOG = LoggerFactory.getLogger(DataEvents.class);

    /** Hears about committed data changes, on the thread of the service that made them. */
    public interface Listener {
        default void importFinished(UUID batchId) {
        }

        default void analysisFinished(UUID runId, String kind) {
        }
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    public void importFinished(UUID batchId) {
        for (Listener listener : listeners) {
            try {
                listener.importFinished(batchId);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed after import {}", batchId, e);
            }
        }
    }

    public void analysisFinished(UUID runId, String kind) {
        for (Listener listener : listeners) {
            try {
                listener.analysisFinished(runId, kind);
            } catch (RuntimeException e) {
                LOG.warn("A listener failed after analysis run {} ({})", runId, kind, e);
            }
        }
    }
}
