package org.khareetaty.store;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.khareetaty.common.health.HealthCheck;
import org.khareetaty.common.health.HealthResult;

/** Health checks of the data folder and the database: schema, readability of every table, disk space. */
public final class DatabaseHealth {

    static final long WARN_FREE_BYTES = 2L * 1024 * 1024 * 1024;
    static final long FAIL_FREE_BYTES = 200L * 1024 * 1024;

    private DatabaseHealth() {
    }

    public static List<HealthCheck> checks(Database database) {
        return List.of(
                () -> schema(database),
                () -> tables(database),
                () -> diskSpace(database));
    }

    static HealthResult schema(Database database) {
        database.validateSchema();
        int pending = database.pendingMigrations();
        if (pending > 0) {
            return HealthResult.fail("schema", pending + " migrations not applied to schema version " + database.schemaVersion());
        }
        return HealthResult.ok("schema", "schema version " + database.schemaVersion() + ", migrations verified");
    }

    static HealthResult tables(Database database) {
        Map<String, Long> counts = database.rowCounts();
        long rows = counts.values().stream().mapToLong(Long::longValue).sum();
        return HealthResult.ok("integrity", counts.size() + " tables readable, " + rows + " rows, file "
                + database.fileSizeBytes() / (1024 * 1024) + " MB");
    }

    static HealthResult diskSpace(Database database) {
        try {
            FileStore store = Files.getFileStore(database.folder().root());
            long free = store.getUsableSpace();
            String text = free / (1024 * 1024) + " MB free in " + database.folder().root();
            if (free < FAIL_FREE_BYTES) {
                return HealthResult.fail("disk", text + "; imports and backups need space: free some now");
            }
            if (free < WARN_FREE_BYTES) {
                return HealthResult.warn("disk", text + "; less than 2 GB left");
            }
            return HealthResult.ok("disk", text);
        } catch (IOException e) {
            return HealthResult.fail("disk", "cannot read free space: " + e.getMessage());
        }
    }
}
