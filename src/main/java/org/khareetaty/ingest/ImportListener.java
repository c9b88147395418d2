package org.khareetaty.ingest;

/**
 * Hears about finished imports, area loads and rollbacks (on the thread that did the work), so caches such
 * as the incident snapshot, the map and open panes can reload.
 */
@FunctionalInterface
public interface ImportListener {
    void dataChanged(ImportReport report);
}
