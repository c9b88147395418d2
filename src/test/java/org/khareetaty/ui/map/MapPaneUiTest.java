package org.khareetaty.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.Principal;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.core.CoreServices;
import org.khareetaty.map.MapFixtures;
import org.khareetaty.map.MapViewport;
import org.khareetaty.map.TileQueue;
import org.khareetaty.store.TestDatabases;
import org.khareetaty.store.TestIncidents;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the map pane headless (Monocle) on a real database: basemap tiles, incidents, layer toggles. */
@ExtendWith(ApplicationExtension.class)
class MapPaneUiTest {

    @TempDir
    static Path folder;
    private CoreServices core;
    private MapView view;
    private TileQueue<String> basemapQueue;

    @Start
    void start(Stage stage) {
        DataFolder data = TestDatabases.prepare(folder.resolve("map-" + System.nanoTime()));
        core = CoreServices.open(data);
        TestIncidents.insert(core.database(), MapFixtures.kuwaitIncidents(800, 3), ZoneId.of("Asia/Kuwait"));
        FxExecutor executor = new FxExecutor(core.tasks());
        basemapQueue = new TileQueue<>(core.tasks(), "Draw basemap tiles");
        view = new MapView(new MapViewModel(core.map(), Principal.BOOTSTRAP, core.snapshots(), core.incidents(), executor, new FilterModel(),
                core.settings(), core.settings().get(Settings.AGENCY_ZONE)),
                basemapQueue, new TileQueue<>(core.tasks(), "Draw map layers"));
        stage.setScene(new Scene(view, 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        core.close();
    }

    @Test
    void opensOnTheIncidentsWhenTheMapWasReadBeforeThePaneWasLaidOut(FxRobot robot) throws Exception {
        MapViewModel read = new MapViewModel(core.map(), Principal.BOOTSTRAP, core.snapshots(), core.incidents(),
                new FxExecutor(core.tasks()), new FilterModel(), core.settings(), core.settings().get(Settings.AGENCY_ZONE));
        robot.interact(read::open);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> read.tilesProperty().get() != null && read.startPosition(900, 700) != null);
        MapView[] late = new MapView[1];
        Stage[] stage = new Stage[1];
        robot.interact(() -> {
            late[0] = new MapView(read, new TileQueue<>(core.tasks(), "Draw basemap tiles"), new TileQueue<>(core.tasks(), "Draw map layers"));
            stage[0] = new Stage();
            stage[0].setScene(new Scene(late[0], 1100, 800));
            stage[0].show();
        });
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> late[0].gluonMap() != null);
            // Made at its first layout, which sets the width before the height: not fitted to a map 0 pixels high.
            assertThat(late[0].viewport().zoom()).isGreaterThan(5);
            assertThat(late[0].viewport().bounds().contains(47.98, 29.37)).isTrue();
        } finally {
            robot.interact(stage[0]::close);
        }
    }

    @Test
    void theZoomPictureStaysUntilEveryBasemapTileAskedForIsDrawn(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view.basemapQueueIdle() && view.overlay() != null
                && view.overlay().complete());
        Node tiles = view.gluonMap().getChildrenUnmodifiable().stream().filter(Group.class::isInstance).findFirst().orElseThrow();
        // A slow tile keeps the queue's one worker busy, so the tiles the zoom asks for wait, as on a cold cache.
        java.util.concurrent.CountDownLatch slow = new java.util.concurrent.CountDownLatch(1);
        basemapQueue.request("slow", () -> {
            try {
                slow.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "slow";
        });
        robot.interact(() -> view.gluonMap().setZoom(view.gluonMap().getZoom() + 1));
        // Well past the zoom's rest (0.25 s) and past the second it used to wait at most: the picture stays over
        // Gluon's tiles while tiles asked for still wait.
        Thread.sleep(1400);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(basemapQueue.waiting()).isPositive();
        assertThat(tiles.isVisible()).as("Gluon's tiles hidden behind the zoom picture").isFalse();
        slow.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, tiles::isVisible);
        assertThat(view.overlay().smooth()).isTrue();
    }

    @Test
    void showsTheOfflineBasemapIncidentsAndLayerControls(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> view.basemapQueueIdle()
                && view.viewModel().layer(MapLayerState.Id.INCIDENTS).painterProperty().get() != null
                && view.overlay() != null && view.overlay().complete());
        assertThat(robot.lookup("#map-view").tryQuery()).isPresent();
        assertThat(robot.lookup("#map-attribution").queryAs(Label.class).getText()).contains("Natural Earth");
        // The map opened on the incidents (Kuwait City), not on a world view.
        assertThat(view.viewport().zoom()).isGreaterThan(5);
        assertThat(view.viewport().bounds().contains(47.98, 29.37)).isTrue();

        // Legends arrive from the background; Gluon's tiles stay on whole pixels after a fractional move.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !robot.lookup("#map-legends").queryAs(VBox.class).getChildren().isEmpty());
        robot.interact(() -> view.gluonMap().setCenter(29.3712345, 47.9812345));
        WaitForAsyncUtils.waitForFxEvents();
        Node tiles = view.gluonMap().getChildrenUnmodifiable().stream().filter(Group.class::isInstance).findFirst().orElseThrow();
        assertThat(tiles.getTranslateX()).isEqualTo(Math.rint(tiles.getTranslateX()));
        assertThat(tiles.getTranslateY()).isEqualTo(Math.rint(tiles.getTranslateY()));
        // While the zoom changes pictures are scaled fast; once it rests they are smooth again.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.basemapQueueIdle());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.gluonMap().setZoom(view.gluonMap().getZoom() + 0.3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.overlay().smooth() && view.overlay().viewport().zoom() % 1 != 0);
        // The zoom was shown as one composed picture; once it rests the tiles are back.
        assertThat(view.overlay().zoomPictures()).isEqualTo(1);
        // The tile queues were held during the gesture and drew the resting view's tiles once it rested.
        assertThat(view.overlay().tileHolds()).isEqualTo(1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view.overlay().tilesHeld());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.basemapQueueIdle() && view.overlay().complete());
        assertThat(tiles.isVisible()).isTrue();
        assertThat(((Group) tiles).getChildren()).isNotEmpty().allSatisfy(tile -> assertThat(((javafx.scene.Parent) tile)
                .getChildrenUnmodifiable()).allMatch(n -> !(n instanceof javafx.scene.image.ImageView image) || image.isSmooth()));

        // New layers: the picture is drawn once, then each tile is drawn into it as it arrives; a pan inside the
        // margin only moves it.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.overlay().complete());
        int whole = view.overlay().wholeDraws();
        int inPlace = view.overlay().tilesDrawnInPlace();
        robot.interact(() -> view.viewModel().layer(MapLayerState.Id.INCIDENTS).opacityProperty().set(0.5));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.overlay().complete());
        assertThat(view.overlay().wholeDraws()).isEqualTo(whole + 1);
        assertThat(view.overlay().tilesDrawnInPlace()).isGreaterThan(inPlace);
        robot.interact(() -> {
            MapViewport moved = view.viewport().panBy(40, 25);
            view.gluonMap().setCenter(moved.centerLat(), moved.centerLon());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.overlay().wholeDraws()).isEqualTo(whole + 1);

        CheckBox incidents = robot.lookup("#map-layer-incidents").queryAs(CheckBox.class);
        assertThat(incidents.isSelected()).isTrue();
        robot.clickOn(incidents);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.viewModel().layer(MapLayerState.Id.INCIDENTS).visibleProperty().get()).isFalse();
        assertThat(view.viewModel().paintedLayers()).noneMatch(l -> l.id().equals("INCIDENTS"));
    }
}
