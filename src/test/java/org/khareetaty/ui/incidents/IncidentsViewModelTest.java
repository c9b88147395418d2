package org.khareetaty.ui.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.Await;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentRepository;
import org.khareetaty.store.IncidentSnapshots;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;

/** The table follows new data and the agency's zone without a new filter (as after the first import). */
class IncidentsViewModelTest {

    @TempDir
    Path folder;

    @Test
    void newDataAndANewAgencyZoneAreShownWhenTheDataChanges() throws Exception {
        try (Database database = TestDatabases.open(folder); BackgroundTasks tasks = new BackgroundTasks(2)) {
            AtomicReference<ZoneId> agencyZone = new AtomicReference<>(ZoneId.of("Asia/Kuwait"));
            FilterModel filter = new FilterModel();
            // Results are applied on the calling worker thread here, standing in for the UI thread.
            IncidentsViewModel model = new IncidentsViewModel(new IncidentRepository(database, new IncidentSnapshots(database)),
                    new FxExecutor(tasks, Runnable::run), filter, agencyZone::get);
            model.reload();
            awaitStatus(model, "0 incidents");
            assertThat(model.displayZoneProperty().get()).isEqualTo(ZoneId.of("Asia/Kuwait"));

            TestIncidents.insert(database, TestIncidents.random(120, 3), ZoneId.of("America/New_York"));
            agencyZone.set(ZoneId.of("America/New_York"));
            filter.dataChanged();

            awaitStatus(model, "120 incidents");
            assertThat(model.displayZoneProperty().get()).isEqualTo(ZoneId.of("America/New_York"));
        }
    }

    private static void awaitStatus(IncidentsViewModel model, String expected) {
        Await.until(() -> expected.equals(model.statusProperty().get()));
    }
}
