package org.khareetaty.sync;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Wall time per step of one sync (connect, read local changes, server apply, acknowledge, pull ...), so a
 * slow sync shows where its time went: logged at the end of every sync and printed by {@code bench sync}.
 */
final class SyncPhases {

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    /** Work measured by {@link #time}. */
    interface Step<T, E extends Exception> {
        T run() throws E;
    }

    <T, E extends Exception> T time(String phase, Step<T, E> step) throws E {
        long start = System.nanoTime();
        try {
            return step.run();
        } finally {
            add(phase, System.nanoTime() - start);
        }
    }

    void add(String phase, long elapsedNanos) {
        nanos.merge(phase, elapsedNanos, Long::sum);
    }

    /** Milliseconds per phase, in the order the phases first ran. */
    Map<String, Long> millis() {
        Map<String, Long> out = new LinkedHashMap<>();
        nanos.forEach((phase, value) -> out.put(phase, value / 1_000_000));
        return Collections.unmodifiableMap(out);
    }
}
