package org.khareetaty.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.IncidentFilter;

/** Counting every incident from the snapshot in memory is exact, and falls back to SQL once the data changed. */
class IncidentCountTest {

    @TempDir
    Path folder;

    @Test
    void theCountOfEveryIncidentComesFromACurrentSnapshotAndFromSqlWhenItIsOutOfDate() {
        try (Database database = TestDatabases.open(folder)) {
            IncidentSnapshots snapshots = new IncidentSnapshots(database);
            IncidentRepository incidents = new IncidentRepository(database, snapshots);
            IncidentRepository sqlOnly = new IncidentRepository(database, new IncidentSnapshots(database));
            TestIncidents.insert(database, TestIncidents.random(400, 7), ZoneId.of("UTC"));
            assertThat(snapshots.sizeIfCurrent()).as("nothing loaded yet").isEmpty();
            assertThat(incidents.count(IncidentFilter.ALL)).isEqualTo(sqlOnly.count(IncidentFilter.ALL)).isEqualTo(400);

            snapshots.current();
            assertThat(snapshots.sizeIfCurrent()).isEqualTo(OptionalLong.of(400));
            assertThat(incidents.count(IncidentFilter.ALL)).isEqualTo(400);

            // Written without telling the snapshots: the loaded one is out of date and the count is SQL's again.
            TestIncidents.insert(database, TestIncidents.random(25, 8), ZoneId.of("UTC"));
            assertThat(snapshots.sizeIfCurrent()).isEmpty();
            assertThat(incidents.count(IncidentFilter.ALL)).isEqualTo(sqlOnly.count(IncidentFilter.ALL)).isEqualTo(425);
        }
    }
}
