package org.khareetaty.ui.map;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.khareetaty.security.Principal;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.core.CoreServices;
import org.khareetaty.map.IncidentPainter;
import org.khareetaty.map.MapViewport;
import org.khareetaty.map.TileQueue;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;

/**
 * Shows the map pane on a real display (Xvfb) in the states the docs' screenshots show, printing
 * "SHOOT name" when each is fully drawn and waiting for a file named name.done next to the output
 * before going on (the shell takes the screenshot with {@code import -window root}).
 * Arguments: data folder, output folder, then scenarios: opening, kuwait, street, philadelphia.
 */
public final class MapScreenshots extends Application {

    private CoreServices core;

    /** A main class that is not the Application itself, as JavaFX on the class path requires. */
    public static final class Launcher {
        public static void main(String[] args) {
            Application.launch(MapScreenshots.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        var args = getParameters().getRaw();
        core = CoreServices.open(new DataFolder(Path.of(args.get(0))));
        Path out = Path.of(args.get(1));
        Deque<String> scenarios = new ArrayDeque<>(args.subList(2, args.size()));
        FxExecutor executor = new FxExecutor(core.tasks());
        MapViewModel viewModel = new MapViewModel(core.map(), Principal.BOOTSTRAP, core.snapshots(), core.incidents(), executor, new FilterModel(),
                core.settings(), core.settings().get(Settings.AGENCY_ZONE));
        MapView view = new MapView(viewModel, new TileQueue<>(core.tasks(), "Draw basemap tiles"),
                new TileQueue<>(core.tasks(), "Draw map layers"));
        stage.setScene(new Scene(view, 1400, 900));
        stage.setX(0);
        stage.setY(0);
        stage.show();
        String[] current = {null};
        int[] stable = {0};
        boolean[] applied = {false};
        Timeline poll = new Timeline(new KeyFrame(Duration.millis(700), e -> {
            if (current[0] != null) {
                if (!java.nio.file.Files.exists(out.resolve(current[0] + ".done"))) {
                    return;
                }
                current[0] = null;
                applied[0] = false;
            }
            boolean ready = viewModel.layer(MapLayerState.Id.INCIDENTS).painterProperty().get() != null
                    && view.overlay() != null && view.overlay().complete() && view.basemapQueueIdle();
            if (!ready) {
                stable[0] = 0;
                return;
            }
            if (scenarios.isEmpty()) {
                Platform.exit();
                return;
            }
            if (!applied[0]) {
                apply(scenarios.peek(), view, viewModel);
                applied[0] = true;
                stable[0] = 0;
                return;
            }
            if (++stable[0] >= 3) {
                String name = scenarios.pop();
                if (name.equals("street")) {
                    hoverNearestIncident(view, viewModel);
                }
                current[0] = name;
                System.out.println("SHOOT " + name);
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private static void apply(String scenario, MapView view, MapViewModel viewModel) {
        switch (scenario) {
            case "opening" -> { }   // the map as it opens: where it was left, else on the incidents
            case "kuwait" -> viewModel.zoomToData();
            case "philadelphia" -> {
                viewModel.layer(MapLayerState.Id.HOTSPOTS).visibleProperty().set(false);
                viewModel.layer(MapLayerState.Id.AREAS).visibleProperty().set(true);
                viewModel.layer(MapLayerState.Id.AREAS).opacityProperty().set(0.3);
                var areas = viewModel.areas();
                if (!areas.isEmpty()) {
                    view.fit(areas.stream().map(a -> a.shape().bounds()).reduce(MapViewModel::unionOf).orElseThrow());
                }
            }
            case "street" -> {
                IncidentPainter painter = (IncidentPainter) viewModel.layer(MapLayerState.Id.INCIDENTS).painterProperty().get();
                MapViewport now = view.viewport();
                int nearest = painter.index().nearest(now, now.width() / 2.0, now.height() / 2.0, 400);
                int position = nearest >= 0 ? nearest : 0;
                view.gluonMap().setZoom(17);
                view.gluonMap().setCenter(org.khareetaty.map.WebMercator.lat(painter.index().normY(position)),
                        org.khareetaty.map.WebMercator.lon(painter.index().normX(position)));
            }
            default -> throw new IllegalArgumentException(scenario);
        }
    }

    private static void hoverNearestIncident(MapView view, MapViewModel viewModel) {
        IncidentPainter painter = (IncidentPainter) viewModel.layer(MapLayerState.Id.INCIDENTS).painterProperty().get();
        MapViewport now = view.viewport();
        int position = painter.index().nearest(now, now.width() / 2.0, now.height() / 2.0, 300);
        if (position >= 0) {
            double x = painter.index().normX(position) * now.worldSize() - now.originX();
            double y = painter.index().normY(position) * now.worldSize() - now.originY();
            view.showHoverAt(x, y);
            viewModel.showDetailsAt(now, x, y);
        }
    }

    @Override
    public void stop() {
        core.close();
    }
}
