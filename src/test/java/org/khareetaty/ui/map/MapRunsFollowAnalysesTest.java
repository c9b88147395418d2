package org.khareetaty.ui.map;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.khareetaty.Await;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.SettingChanges;
import org.khareetaty.security.CredentialVault;
import org.khareetaty.common.SecretStore;
import org.khareetaty.security.Principal;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.DataFolder;
import org.khareetaty.map.MapFixtures;
import org.khareetaty.map.MapLayerRepository;
import org.khareetaty.map.MapService;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentRepository;
import org.khareetaty.store.IncidentSnapshots;
import org.khareetaty.store.SettingsStore;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;

/** A run stored while the map is open (by another pane or the pipeline) shows up in its layer list at once. */
class MapRunsFollowAnalysesTest {

    @TempDir
    Path folder;

    @Test
    void aRunStoredWhileTheMapIsOpenAppearsInItsLayerList() {
        DataFolder data = TestDatabases.prepare(folder.resolve("db"));
        try (Database database = Database.open(data); BackgroundTasks tasks = new BackgroundTasks(1)) {
            TestIncidents.insert(database, MapFixtures.kuwaitIncidents(300, 9), ZoneId.of("Asia/Kuwait"));
            FilterModel filter = new FilterModel();
            SettingsStore settings = new SettingsStore(database);
            AuditLog audit = new AuditLog(database, Clock.systemUTC());
            MapService map = new MapService(new MapLayerRepository(database), settings,
                    new SettingChanges(settings, new SecretStore(new CredentialVault(database.folder())), audit), audit,
                    data, Clock.systemUTC());
            MapViewModel viewModel = new MapViewModel(map, Principal.BOOTSTRAP, new IncidentSnapshots(database),
                    new IncidentRepository(database, new IncidentSnapshots(database)), new FxExecutor(tasks, Runnable::run), filter, settings,
                    ZoneId.of("Asia/Kuwait"));
            viewModel.open();
            Await.until(() -> viewModel.tilesProperty().get() != null);
            assertThat(viewModel.runs(MapLayerState.Id.DENSITY)).isEmpty();

            MapFixtures.insertDensityRun(database, "KDE", 500);
            filter.analysisStored();

            Await.until(() -> viewModel.runs(MapLayerState.Id.DENSITY).size() == 1);
            Await.until(() -> viewModel.layer(MapLayerState.Id.DENSITY).painterProperty().get() != null);
        }
    }
}
