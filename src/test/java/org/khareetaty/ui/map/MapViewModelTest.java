package org.khareetaty.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
import org.khareetaty.common.IncidentFilter.BoundingBox;
import org.khareetaty.map.Basemap;
import org.khareetaty.map.HotspotPainter;
import org.khareetaty.map.IncidentPainter;
import org.khareetaty.map.MapFixtures;
import org.khareetaty.map.MapLayerRepository;
import org.khareetaty.map.MapPosition;
import org.khareetaty.map.MapService;
import org.khareetaty.map.MapSettings;
import org.khareetaty.map.MapViewport;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentRepository;
import org.khareetaty.store.IncidentSnapshots;
import org.khareetaty.store.SettingsStore;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;

/** The map pane's view model on a real database, without JavaFX nodes or a robot. */
class MapViewModelTest {

    private static final ZoneId KUWAIT = ZoneId.of("Asia/Kuwait");

    @TempDir
    static Path folder;
    private static Database database;
    private static BackgroundTasks tasks;
    private static List<TestIncidents.Incident> inserted;
    private FilterModel filter;
    private MapViewModel viewModel;
    private MapService map;
    private SettingsStore settings;

    @BeforeAll
    static void setUp() {
        DataFolder data = TestDatabases.prepare(folder.resolve("db"));
        database = Database.open(data);
        // One worker: results arrive one after another, as they would on the FX thread.
        tasks = new BackgroundTasks(1);
        inserted = MapFixtures.kuwaitIncidents(2_000, 5);
        TestIncidents.insert(database, inserted, KUWAIT);
        MapFixtures.insertKuwaitGovernorates(database, Basemap.loadBundled());
        MapFixtures.insertDensityRun(database, "KDE", 500);
    }

    @AfterAll
    static void tearDown() {
        tasks.close();
        database.close();
    }

    @BeforeEach
    void open() {
        filter = new FilterModel();
        settings = new SettingsStore(database);
        // Each test opens the map afresh, with no place kept from another test.
        settings.set(MapSettings.LAST_VIEW, "");
        AuditLog audit = new AuditLog(database, Clock.systemUTC());
        map = new MapService(new MapLayerRepository(database), settings,
                new SettingChanges(settings, new SecretStore(new CredentialVault(database.folder())), audit), audit,
                new DataFolder(folder.resolve("db")), Clock.systemUTC());
        // Results are delivered on the worker thread: the properties are plain JavaFX beans.
        viewModel = openViewModel();
        Await.until(() -> incidentCount() == inserted.stream().filter(i -> i.lon() != null).count());
        Await.until(() -> viewModel.layer(MapLayerState.Id.HOTSPOTS).painterProperty().get() != null);
        Await.until(() -> viewModel.tilesProperty().get() != null);
    }

    private MapViewModel openViewModel() {
        MapViewModel opened = new MapViewModel(map, Principal.BOOTSTRAP, new IncidentSnapshots(database), new IncidentRepository(database, new IncidentSnapshots(database)),
                new FxExecutor(tasks, Runnable::run), filter, settings, KUWAIT);
        opened.open();
        return opened;
    }

    @Test
    void opensOnTheIncidentsRatherThanTheWholeRegionOfTheAreas() {
        Await.until(() -> viewModel.startPosition(800, 600) != null);
        MapPosition start = viewModel.startPosition(800, 600);
        BoundingBox governorates = viewModel.areas().stream().map(a -> a.shape().bounds()).reduce(MapViewModel::unionOf).orElseThrow();
        double minLon = inserted.stream().filter(i -> i.lon() != null).mapToDouble(TestIncidents.Incident::lon).min().orElseThrow();
        double maxLon = inserted.stream().filter(i -> i.lon() != null).mapToDouble(TestIncidents.Incident::lon).max().orElseThrow();
        // Kuwait's governorates reach far into the desert; the incidents lie around Kuwait City.
        assertThat(start.zoom()).isGreaterThan(MapViewModel.fitPosition(governorates, 800, 600).zoom());
        assertThat(start.centerLon()).isBetween(minLon, maxLon);
        MapViewport shown = new MapViewport(start.centerLon(), start.centerLat(), start.zoom(), 800, 600);
        long inside = inserted.stream().filter(i -> i.lon() != null && shown.bounds().contains(i.lon(), i.lat())).count();
        assertThat(inside).isGreaterThanOrEqualTo((long) (0.99 * inserted.stream().filter(i -> i.lon() != null).count()));
        // "Zoom to data" shows the same ground.
        viewModel.zoomToData();
        assertThat(viewModel.zoomRequestProperty().get().minLon()).isGreaterThanOrEqualTo(minLon);
        assertThat(viewModel.zoomRequestProperty().get().maxLon()).isLessThanOrEqualTo(maxLon);
    }

    @Test
    void drawsTheFirstTilesOfTheIncidentsAtTheLevelThatFitsTheMapAsLaidOut() {
        // Not laid out when it opened: the level that fits the incidents is not known, so no tiles are drawn ahead.
        assertThat(viewModel.firstTiles(viewModel.tilesProperty().get())).isEmpty();

        MapViewModel laidOut = new MapViewModel(map, Principal.BOOTSTRAP, new IncidentSnapshots(database), new IncidentRepository(database, new IncidentSnapshots(database)),
                new FxExecutor(tasks, Runnable::run), filter, settings, KUWAIT);
        laidOut.mapLaidOut(700.4, 500.6);
        laidOut.open();
        Await.until(() -> laidOut.tilesProperty().get() != null);
        MapPosition start = laidOut.startPosition(700, 500);
        int level = (int) Math.floor(start.zoom() + OverlayLayer.GLUON_TIPPING);
        MapViewport view = new MapViewport(start.centerLon(), start.centerLat(), start.zoom(), 700, 500);
        double tilePx = org.khareetaty.map.WebMercator.TILE_SIZE * view.worldSize() / org.khareetaty.map.WebMercator.worldSize(level);
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (long y = (long) Math.floor(view.originY() / tilePx); y <= (long) Math.floor((view.originY() + 500) / tilePx); y++) {
            for (long x = (long) Math.floor(view.originX() / tilePx); x <= (long) Math.floor((view.originX() + 700) / tilePx); x++) {
                shown.add(level + "/" + x + "/" + y);
            }
        }
        // Every tile of that view, and only those, is ready before Gluon asks.
        assertThat(laidOut.firstTiles(laidOut.tilesProperty().get())).containsOnlyKeys(shown);
    }

    @Test
    void reopensWhereTheMapWasLeft() {
        Await.until(() -> viewModel.startPosition(800, 600) != null);
        MapPosition left = new MapPosition(48.05, 29.21, 14.25);
        viewModel.rememberView(left);
        Await.until(() -> map.lastView().isPresent());
        assertThat(map.lastView()).contains(left);
        MapViewModel reopened = openViewModel();
        Await.until(() -> reopened.startPosition(800, 600) != null);
        assertThat(reopened.startPosition(800, 600)).isEqualTo(left);
        assertThat(reopened.startPosition(1600, 300)).as("the place kept, whatever the size").isEqualTo(left);
        // The basemap tiles of that place were read ahead, at the level Gluon asks for, and are handed over at once.
        Await.until(() -> reopened.tilesProperty().get() != null);
        var ready = reopened.firstTiles(reopened.tilesProperty().get());
        long centreX = (long) Math.floor(org.khareetaty.map.WebMercator.x(left.centerLon()) * (1 << 14));
        long centreY = (long) Math.floor(org.khareetaty.map.WebMercator.y(left.centerLat()) * (1 << 14));
        assertThat(ready).containsKey("14/" + centreX + "/" + centreY).hasSizeGreaterThanOrEqualTo(12)
                .allSatisfy((key, image) -> assertThat(image.getWidth()).isEqualTo(256.0));
    }

    @Test
    void opensWithBasemapIncidentsLatestRunAndAreas() {
        assertThat(viewModel.attributionProperty().get()).contains("Natural Earth");
        assertThat(viewModel.areaKinds()).containsExactly("governorate");
        assertThat(viewModel.runs(MapLayerState.Id.HOTSPOTS)).hasSize(1);
        assertThat(viewModel.runs(MapLayerState.Id.DENSITY)).hasSize(1);
        assertThat(viewModel.layer(MapLayerState.Id.FORECAST).noteProperty().get()).contains("No forecast");
        assertThat(((HotspotPainter) viewModel.layer(MapLayerState.Id.HOTSPOTS).painterProperty().get()).hotspots()).hasSize(10);
        assertThat(viewModel.hotspots()).extracting(h -> h.rank()).startsWith(1, 2, 3);
        assertThat(viewModel.categories()).contains("THEFT", "DRUGS");
        assertThat(viewModel.lastDayProperty().get()).isAfterOrEqualTo(viewModel.firstDayProperty().get());
    }

    @Test
    void layersToggleAndOpacityChangeWhatIsPainted() {
        int version = viewModel.overlayVersionProperty().get();
        assertThat(viewModel.paintedLayers()).extracting(l -> l.id()).containsExactly("HOTSPOTS", "INCIDENTS");
        viewModel.layer(MapLayerState.Id.INCIDENTS).visibleProperty().set(false);
        assertThat(viewModel.paintedLayers()).extracting(l -> l.id()).containsExactly("HOTSPOTS");
        viewModel.layer(MapLayerState.Id.HOTSPOTS).opacityProperty().set(0.25);
        assertThat(viewModel.paintedLayers().get(0).opacity()).isEqualTo(0.25);
        viewModel.layer(MapLayerState.Id.DENSITY).visibleProperty().set(true);
        Await.until(() -> viewModel.paintedLayers().size() == 2);
        assertThat(viewModel.overlayVersionProperty().get()).isGreaterThan(version + 2);
    }

    @Test
    void legendsAreComputedInTheBackgroundForTheVisibleLayers() {
        List<List<org.khareetaty.map.Legend>> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        viewModel.legends(11, answers::add);
        Await.until(() -> answers.size() == 1);
        assertThat(answers.get(0)).extracting(org.khareetaty.map.Legend::title)
                .anyMatch(t -> t.contains("per km²")).hasSize(viewModel.paintedLayers().size());
        // Only the newest request is answered: the first of two requests in a row is dropped.
        List<String> titles = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(1);
        tasks.submit("Keep the worker busy", context -> {
            busy.await();
            return null;
        });
        viewModel.legends(11, all -> titles.add("zoom 11"));
        viewModel.legends(17, all -> titles.add(all.get(all.size() - 1).title()));
        busy.countDown();
        Await.until(() -> titles.size() == 1);
        tasks.submit("Wait for the queue", context -> null).result().join();
        assertThat(titles).containsExactly("Incidents (one dot each)");
    }

    @Test
    void theChoroplethIsCountedOnlyOnceItsLayerIsShown() {
        MapLayerState areas = viewModel.layer(MapLayerState.Id.AREAS);
        assertThat(areas.visibleProperty().get()).isFalse();
        // Everything else has loaded (the set-up waited): the hidden choropleth was not computed.
        tasks.submit("Wait for the queue", context -> null).result().join();
        assertThat(areas.painterProperty().get()).isNull();
        areas.visibleProperty().set(true);
        Await.until(() -> areas.painterProperty().get() != null);
        assertThat(areas.painterProperty().get().legend(8).title()).contains("governorate");
    }

    @Test
    void rectangleAndLassoSelectionFilterEveryPane() {
        BoundingBox box = new BoundingBox(47.95, 29.33, 48.05, 29.40);
        viewModel.selectBox(box);
        assertThat(filter.get().selection()).isEqualTo(box);
        long inBox = inserted.stream().filter(i -> i.lon() != null && box.contains(i.lon(), i.lat())).count();
        Await.until(() -> incidentCount() == inBox);

        List<double[]> lasso = List.of(new double[] {47.95, 29.33}, new double[] {48.05, 29.33}, new double[] {47.95, 29.40});
        viewModel.selectLasso(lasso);
        BoundingBox selection = filter.get().selection();
        assertThat(selection.isLasso()).isTrue();
        // Below the diagonal from (48.05, 29.33) to (47.95, 29.40): lat < 29.40 - 0.7 * (lon - 47.95).
        long inLasso = inserted.stream().filter(i -> i.lon() != null && i.lon() >= 47.95 && i.lat() >= 29.33
                && i.lat() < 29.40 - 0.7 * (i.lon() - 47.95)).count();
        Await.until(() -> Math.abs(incidentCount() - inLasso) <= 1);   // a point exactly on the edge may go either way
        assertThat(inLasso).isLessThan(inBox);

        viewModel.clearSelection();
        assertThat(filter.get().selection()).isNull();
    }

    @Test
    void categoryFilterIsShared() {
        viewModel.setCategories(List.of("THEFT"));
        assertThat(filter.get().categories()).containsExactly("THEFT");
        long thefts = inserted.stream().filter(i -> i.lon() != null && i.category().equals("THEFT")).count();
        Await.until(() -> incidentCount() == thefts);
        viewModel.setCategories(viewModel.categories());
        assertThat(filter.get().categories()).isEmpty();
    }

    @Test
    void timeWindowAndPlaybackMoveTheSharedDates() {
        LocalDate last = viewModel.lastDayProperty().get();
        viewModel.windowProperty().set(MapViewModel.TimeWindow.WEEK);
        assertThat(filter.get().from()).isEqualTo(last.minusDays(6));
        assertThat(filter.get().to()).isEqualTo(last);

        LocalDate day = LocalDate.of(2025, 3, 10);
        viewModel.windowProperty().set(MapViewModel.TimeWindow.DAY);
        viewModel.windowEndProperty().set(day);
        assertThat(filter.get().from()).isEqualTo(day);
        assertThat(filter.get().to()).isEqualTo(day);
        long thatDay = inserted.stream().filter(i -> i.lon() != null
                && LocalDateTime.ofInstant(i.occurredAt(), KUWAIT).toLocalDate().equals(day)).count();
        Await.until(() -> incidentCount() == thatDay);

        viewModel.playStepProperty().set(MapViewModel.PlayStep.WEEK);
        viewModel.stepPlayback();
        assertThat(filter.get().to()).isEqualTo(day.plusDays(7));
        viewModel.windowEndProperty().set(last);
        viewModel.playingProperty().set(true);
        viewModel.stepPlayback();
        assertThat(viewModel.playingProperty().get()).as("play stops at the last day").isFalse();
        viewModel.windowProperty().set(MapViewModel.TimeWindow.ALL);
        assertThat(filter.get().from()).isNull();
    }

    @Test
    void hoverNamesTheIncidentAndTheHotspotUnderThePointer() {
        TestIncidents.Incident incident = inserted.stream().filter(i -> i.lon() != null).findFirst().orElseThrow();
        MapViewport street = new MapViewport(incident.lon(), incident.lat(), 18, 400, 300);
        String text = viewModel.tooltipAt(street, 200, 300 / 2.0);
        assertThat(text).isNotNull();
        assertThat(viewModel.categories()).anyMatch(text::startsWith);
        // The incident's local time to the minute, as its details give it (not rounded down to the hour).
        java.time.format.DateTimeFormatter minute = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", java.util.Locale.ENGLISH);
        assertThat(inserted).anyMatch(i -> text.contains(minute.format(i.occurredAt().atZone(KUWAIT)))
                && i.occurredAt().atZone(KUWAIT).getMinute() != 0);
        MapViewport city = new MapViewport(47.98, 29.37, 11, 400, 300);
        assertThat(viewModel.tooltipAt(city, 200, 150)).contains("incidents within");
        assertThat(viewModel.tooltipAt(new MapViewport(10, 50, 12, 400, 300), 200, 150)).isNull();

        viewModel.showDetailsAt(street, 200, 150);
        Await.until(() -> viewModel.detailsProperty().get() != null);
        assertThat(viewModel.detailsProperty().get().lon()).isNotNull();
    }

    @Test
    void zoomToAreaFiltersToTheAreaAndAsksTheViewToShowIt() {
        var area = viewModel.areas().get(0);
        viewModel.zoomToArea(area);
        assertThat(viewModel.zoomRequestProperty().get()).isEqualTo(area.shape().bounds());
        assertThat(filter.get().areas()).containsExactly(area.id());
        viewModel.clearAreaFilter();
        assertThat(filter.get().areas()).isEqualTo(Set.of());
    }

    @Test
    void snapshotWritesAPngOfTheChosenSize() throws Exception {
        Path file = folder.resolve("snap.png");
        Path[] saved = new Path[1];
        viewModel.saveSnapshot(new MapViewport(47.98, 29.37, 11, 800, 500), 1200, 750, file, path -> saved[0] = path);
        Await.until(() -> saved[0] != null);
        var image = javax.imageio.ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(750);
    }

    @Test
    void badBasemapSettingsAreRefusedWithAReason() {
        String[] error = new String[1];
        boolean[] done = new boolean[1];
        viewModel.saveBasemapSettings("ftp://tiles/{z}/{x}/{y}", "", "", message -> {
            error[0] = message;
            done[0] = true;
        });
        Await.until(() -> done[0]);
        assertThat(error[0]).contains("http://");
        assertThat(viewModel.basemapSettings()[0]).isEmpty();
    }

    private long incidentCount() {
        return viewModel.layer(MapLayerState.Id.INCIDENTS).painterProperty().get() instanceof IncidentPainter p
                ? p.index().size() : -1;
    }
}
