package org.khareetaty.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps data DERIVED from synced rows current on this workstation after a pull (ADR 0092): such data is
 * recomputed locally rather than synced. Called in the pull's transaction, after the page's rows are written.
 */
@FunctionalInterface
public interface PulledRowsListener {

    /** Nothing is derived (tests of sync alone). */
    PulledRowsListener NONE = (connection, incidentIds, areaKinds) -> {
    };

    /**
     * @param incidentIds incidents written by the pull (ids that were skipped are not in the database)
     * @param areaKinds   kinds of the areas the pull wrote or deleted
     */
    void pulled(Connection connection, Collection<UUID> incidentIds, Set<String> areaKinds) throws SQLException;
}
