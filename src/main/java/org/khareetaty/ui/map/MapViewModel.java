package org.khareetaty.ui.map;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Dimension2D;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.IncidentFilter.BoundingBox;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.map.AnalysisRunInfo;
import org.khareetaty.map.AreaMeasure;
import org.khareetaty.map.AreaStatistics;
import org.khareetaty.map.BasemapTiles;
import org.khareetaty.map.ChoroplethPainter;
import org.khareetaty.map.DataExtent;
import org.khareetaty.map.GridData;
import org.khareetaty.map.GridPainter;
import org.khareetaty.map.HotspotPainter;
import org.khareetaty.map.IncidentPainter;
import org.khareetaty.map.LayerPainter;
import org.khareetaty.map.Legend;
import org.khareetaty.map.MapArea;
import org.khareetaty.map.MapHotspot;
import org.khareetaty.map.MapPosition;
import org.khareetaty.map.MapService;
import org.khareetaty.map.MapSettings;
import org.khareetaty.map.MapSnapshotRenderer;
import org.khareetaty.map.MapViewport;
import org.khareetaty.map.PaintedLayer;
import org.khareetaty.map.Palette;
import org.khareetaty.map.PointIndex;
import org.khareetaty.map.TileRange;
import org.khareetaty.map.WebMercator;
import org.khareetaty.store.IncidentRepository;
import org.khareetaty.store.IncidentRow;
import org.khareetaty.store.IncidentSnapshot;
import org.khareetaty.store.IncidentSnapshots;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The map pane's state and commands: layers (toggle, opacity, painter, legend), the runs they draw,
 * the shared filter (time window, categories, map selection), hover text, incident details, snapshots
 * and basemap settings. All loading and computing runs on background tasks; nothing here is a Node.
 */
public final class MapViewModel {

    /** How many days the time slider's window covers. */
    public enum TimeWindow {
        ALL("All dates", 0), DAY("One day", 1), WEEK("One week", 7), FOUR_WEEKS("Four weeks", 28);

        private final String label;
        private final int days;

        TimeWindow(String label, int days) {
            this.label = label;
            this.days = days;
        }

        public int days() {
            return days;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** How far one step of "play" moves the window. */
    public enum PlayStep {
        DAY("by day", 1), WEEK("by week", 7);

        private final String label;
        private final int days;

        PlayStep(String label, int days) {
            this.label = label;
            this.days = days;
        }

        public int days() {
            return days;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Kinds of runs each analysis layer draws. */
    static final List<String> HOTSPOT_RUN_KINDS = List.of("DBSCAN", "KDE", "GISTAR");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final double HOVER_RADIUS_PX = 8;

    private final MapService map;
    private final Principal principal;
    private final IncidentSnapshots snapshots;
    private final IncidentRepository incidents;
    private final FxExecutor executor;
    private final FilterModel filter;
    private final Settings settings;
    private final ZoneId zone;

    private final Map<MapLayerState.Id, MapLayerState> layers = new EnumMap<>(MapLayerState.Id.class);
    private final IntegerProperty overlayVersion = new SimpleIntegerProperty();
    private final ObjectProperty<BasemapTiles> tiles = new SimpleObjectProperty<>();
    private final StringProperty attribution = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Opening the map…");
    private final ObjectProperty<BoundingBox> zoomRequest = new SimpleObjectProperty<>();
    private final ObjectProperty<IncidentRow> details = new SimpleObjectProperty<>();

    private final ObservableList<MapArea> areas = FXCollections.observableArrayList();
    private final ObservableList<String> areaKinds = FXCollections.observableArrayList();
    private final StringProperty areaKind = new SimpleStringProperty();
    private final ObjectProperty<AreaMeasure> areaMeasure = new SimpleObjectProperty<>(AreaMeasure.COUNT);
    private final ObservableList<MapHotspot> hotspots = FXCollections.observableArrayList();

    private final Map<MapLayerState.Id, ObservableList<AnalysisRunInfo>> runs = new EnumMap<>(MapLayerState.Id.class);
    private final Map<MapLayerState.Id, ObjectProperty<AnalysisRunInfo>> selectedRun = new EnumMap<>(MapLayerState.Id.class);

    private final ObservableList<String> categories = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> firstDay = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> lastDay = new SimpleObjectProperty<>();
    private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(TimeWindow.ALL);
    private final ObjectProperty<LocalDate> windowEnd = new SimpleObjectProperty<>();
    private final ObjectProperty<PlayStep> playStep = new SimpleObjectProperty<>(PlayStep.DAY);
    private final BooleanProperty playing = new SimpleBooleanProperty();
    private final StringProperty windowText = new SimpleStringProperty("All dates");

    private IncidentSnapshot snapshot;
    /** Where the map was left (read when the pane opens), and the ground the incidents cover (for "zoom to data"). */
    private MapPosition lastView;
    private BoundingBox openingExtent;
    private BoundingBox incidentExtent;
    private MapPosition remembered;
    private int incidentGeneration;
    private int choroplethGeneration;
    private int legendGeneration;
    private boolean opened;
    /** Layers that have drawn a tile of the opening view while being prepared (once each, see drawOpeningTile). */
    private final java.util.Set<MapLayerState.Id> openingTileDrawn = java.util.EnumSet.noneOf(MapLayerState.Id.class);
    private FirstTiles firstTiles;
    /**
     * The map's size on screen once the pane is laid out (a prepared pane is laid out while still hidden), else null:
     * read by the opening tasks, whose first view on the incidents fits this size.
     */
    private volatile Dimension2D laidOut;

    public MapViewModel(MapService map, Principal principal, IncidentSnapshots snapshots, IncidentRepository incidents,
            FxExecutor executor, FilterModel filter, Settings settings, ZoneId zone) {
        this.map = map;
        this.principal = principal;
        this.snapshots = snapshots;
        this.incidents = incidents;
        this.executor = executor;
        this.filter = filter;
        this.settings = settings;
        this.zone = zone;
        addLayer(MapLayerState.Id.AREAS, false, 0.6);
        addLayer(MapLayerState.Id.DENSITY, false, 0.7);
        addLayer(MapLayerState.Id.GISTAR, false, 0.7);
        addLayer(MapLayerState.Id.FORECAST, false, 0.7);
        addLayer(MapLayerState.Id.HOTSPOTS, true, 0.8);
        addLayer(MapLayerState.Id.INCIDENTS, true, 0.9);
        for (MapLayerState.Id id : List.of(MapLayerState.Id.DENSITY, MapLayerState.Id.GISTAR, MapLayerState.Id.FORECAST,
                MapLayerState.Id.HOTSPOTS)) {
            runs.put(id, FXCollections.observableArrayList());
            ObjectProperty<AnalysisRunInfo> selected = new SimpleObjectProperty<>();
            selected.addListener((obs, old, now) -> loadRun(id, now));
            selectedRun.put(id, selected);
        }
        filter.filterProperty().addListener((obs, old, now) -> {
            refreshIncidents();
            refreshChoropleth();
            syncWindowText();
        });
        // A run stored by the hotspot or forecast pane, or by the pipeline, appears in the layer lists at once.
        filter.analysisRevisionProperty().addListener((obs, old, now) -> reloadRuns());
        filter.dataRevisionProperty().addListener((obs, old, now) -> {
            refreshIncidents();
            refreshChoropleth();
        });
        // The choropleth scans every incident: only done while its layer is shown (it is off at first).
        layer(MapLayerState.Id.AREAS).visibleProperty().addListener((obs, old, now) -> refreshChoropleth());
        areaKind.addListener((obs, old, now) -> refreshChoropleth());
        areaMeasure.addListener((obs, old, now) -> refreshChoropleth());
        window.addListener((obs, old, now) -> applyWindow());
        windowEnd.addListener((obs, old, now) -> applyWindow());
    }

    private void addLayer(MapLayerState.Id id, boolean visible, double opacity) {
        MapLayerState state = new MapLayerState(id, visible, opacity);
        state.visibleProperty().addListener((obs, old, now) -> bump());
        state.opacityProperty().addListener((obs, old, now) -> bump());
        state.painterProperty().addListener((obs, old, now) -> bump());
        layers.put(id, state);
    }

    private void bump() {
        overlayVersion.set(overlayVersion.get() + 1);
    }

    // ---- properties -------------------------------------------------------------------------------

    public List<MapLayerState> layers() {
        return List.copyOf(layers.values());
    }

    public MapLayerState layer(MapLayerState.Id id) {
        return layers.get(id);
    }

    /** Changes whenever what the overlay draws changes: the view redraws its overlay tiles then. */
    public ReadOnlyIntegerProperty overlayVersionProperty() {
        return overlayVersion;
    }

    /** The visible layers with something to draw, bottom first, with their opacity. */
    public List<PaintedLayer> paintedLayers() {
        List<PaintedLayer> painted = new ArrayList<>();
        for (MapLayerState state : layers.values()) {
            LayerPainter painter = state.painterProperty().get();
            if (state.visibleProperty().get() && painter != null && state.opacityProperty().get() > 0) {
                painted.add(new PaintedLayer(state.id().name(), painter, state.opacityProperty().get()));
            }
        }
        return painted;
    }

    public ObjectProperty<BasemapTiles> tilesProperty() {
        return tiles;
    }

    public StringProperty attributionProperty() {
        return attribution;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Set to a box when the map should show it (zoom to area, hotspot or data); the view fits and clears it. */
    public ObjectProperty<BoundingBox> zoomRequestProperty() {
        return zoomRequest;
    }

    public ObjectProperty<IncidentRow> detailsProperty() {
        return details;
    }

    public ObservableList<MapArea> areas() {
        return areas;
    }

    public ObservableList<String> areaKinds() {
        return areaKinds;
    }

    public StringProperty areaKindProperty() {
        return areaKind;
    }

    public ObjectProperty<AreaMeasure> areaMeasureProperty() {
        return areaMeasure;
    }

    /** Hotspots of the run the hotspot layer shows, by rank (for "zoom to hotspot"). */
    public ObservableList<MapHotspot> hotspots() {
        return hotspots;
    }

    public ObservableList<AnalysisRunInfo> runs(MapLayerState.Id layer) {
        return runs.get(layer);
    }

    public ObjectProperty<AnalysisRunInfo> selectedRunProperty(MapLayerState.Id layer) {
        return selectedRun.get(layer);
    }

    public ObservableList<String> categories() {
        return categories;
    }

    public ObjectProperty<LocalDate> firstDayProperty() {
        return firstDay;
    }

    public ObjectProperty<LocalDate> lastDayProperty() {
        return lastDay;
    }

    public ObjectProperty<TimeWindow> windowProperty() {
        return window;
    }

    public ObjectProperty<LocalDate> windowEndProperty() {
        return windowEnd;
    }

    public ObjectProperty<PlayStep> playStepProperty() {
        return playStep;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public StringProperty windowTextProperty() {
        return windowText;
    }

    public ZoneId zone() {
        return zone;
    }

    public String describeRun(AnalysisRunInfo run) {
        return run == null ? "" : run.describe(zone);
    }

    // ---- loading ----------------------------------------------------------------------------------

    /** The person pans or zooms the map: its frames now go first (once the application lowered its background). */
    public void mapMoving() {
        executor.foregroundMoving();
    }

    /**
     * Opens the map when the pane is first shown: first, ahead of other background work, what the first picture
     * needs (the basemap tiles, the areas, where the map was left or else where the incidents are), then the
     * incidents layer, then the analysis runs.
     */
    public void open() {
        if (opened) {
            return;
        }
        opened = true;
        executor.run("Open the map", BackgroundTasks.Priority.INTERACTIVE, context -> {
            BasemapTiles loaded = map.tiles();
            List<MapArea> loadedAreas = map.areas();
            MapPosition left = map.lastView().orElse(null);
            // Only without a place to return to is the ground of the incidents needed before the first picture.
            BoundingBox extent = left != null ? null : DataExtent.of(snapshots.current(context));
            if (extent == null && !loadedAreas.isEmpty()) {
                extent = loadedAreas.stream().map(a -> a.shape().bounds()).reduce(MapViewModel::unionOf).orElseThrow();
            }
            // The level that fits the incidents depends on the map's size. Before the pane is laid out no tiles are
            // drawn here: a guessed size drew a level Gluon did not ask for, and Gluon asks for the right one itself.
            Dimension2D size = laidOut;
            MapPosition first = left != null ? left : extent == null || size == null ? null : fitPosition(extent, size);
            return new Opened(loaded, loadedAreas, left, extent, first == null ? Map.of() : firstTiles(loaded, first, size));
        }, opened -> {
            lastView = opened.lastView();
            remembered = opened.lastView();
            openingExtent = opened.extent();
            firstTiles = new FirstTiles(opened.tiles(), opened.firstTiles());
            showBasemap(opened.tiles(), opened.areas());
        }, error -> status.set("Cannot open the map: " + error.getMessage()));
        loadIncidents();
        reloadRuns();
    }

    /** What the first picture of the map needs. */
    private record Opened(BasemapTiles tiles, List<MapArea> areas, MapPosition lastView, BoundingBox extent,
            Map<String, javafx.scene.image.Image> firstTiles) {
    }

    /** Basemap tiles of the first view, read (or drawn) while the map was prepared, and the tiles they came from. */
    record FirstTiles(BasemapTiles source, Map<String, javafx.scene.image.Image> images) {
    }

    /**
     * Tells the view model the map's size on screen; the first view on the incidents is fitted to it, and its tiles and
     * density classes are prepared for it.
     */
    public void mapLaidOut(double width, double height) {
        if (width > 0 && height > 0) {
            laidOut = new Dimension2D(Math.floor(width), Math.floor(height));
        }
    }

    /** A generous guess of the map's size before the pane is laid out (a larger window asks for a few more tiles). */
    private static final int FIRST_VIEW_WIDTH = 1600;
    private static final int FIRST_VIEW_HEIGHT = 1000;
    /** Never more than this many tiles read ahead (about 16 MB of pixels). */
    private static final int FIRST_TILES_MAX = 64;

    /**
     * The basemap tiles around a first view at the level Gluon will ask for (it switches to the finer level 0.2
     * before a whole zoom), read from the disk cache or drawn, so opening the pane shows them at once: every tile of a
     * map laid out at {@code size}; before it is laid out ({@code size} null), the tiles kept of a generous guess and
     * those drawn for a usual map size round the centre.
     */
    static Map<String, javafx.scene.image.Image> firstTiles(BasemapTiles tiles, MapPosition first, Dimension2D size) {
        MapViewport view = new MapViewport(first.centerLon(), first.centerLat(), first.zoom(),
                size == null ? FIRST_VIEW_WIDTH : (int) size.getWidth(), size == null ? FIRST_VIEW_HEIGHT : (int) size.getHeight());
        TileRange all = TileRange.covering(view, OverlayLayer.gluonLevel(first.zoom()));
        // Before the layout, tiles kept are read for the whole guess and tiles not kept yet are drawn only for a usual
        // map size round the centre (1100 x 800): the others are drawn if Gluon asks for them.
        TileRange core = size != null ? all : TileRange.covering(new MapViewport(first.centerLon(), first.centerLat(),
                first.zoom(), Math.min(view.width(), 1100), Math.min(view.height(), 800)), all.z());
        boolean localOnly = !tiles.hasConfiguredSources();
        Map<String, javafx.scene.image.Image> images = new java.util.HashMap<>();
        int z = all.z();
        for (long y = all.minY(); y <= all.maxY(); y++) {
            for (long x = all.minX(); x <= all.maxX() && images.size() < FIRST_TILES_MAX; x++) {
                if (core.contains(x, y) || !localOnly || tiles.local().isKept(z, x, y)) {
                    images.put(z + "/" + x + "/" + y, FxImages.ofTilePixels(tiles.pixels(z, x, y)));
                }
            }
        }
        return images;
    }

    /** The basemap tiles read ahead for the first view, when they came from these tiles; else none. */
    Map<String, javafx.scene.image.Image> firstTiles(BasemapTiles tiles) {
        return firstTiles != null && firstTiles.source() == tiles ? firstTiles.images() : Map.of();
    }

    /**
     * Where the map opens in a view of this size: where it was left in this data folder, else on the incidents
     * (without the few far away), else on the imported areas; null when there is nothing to show yet.
     */
    public MapPosition startPosition(int width, int height) {
        if (lastView != null) {
            return lastView;
        }
        return openingExtent == null ? null : fitPosition(openingExtent, width, height);
    }

    /** The view that shows the box in the map as laid out, or in the generous guess of its size before that. */
    private static MapPosition fitPosition(BoundingBox box, Dimension2D laidOut) {
        return laidOut == null ? fitPosition(box, FIRST_VIEW_WIDTH, FIRST_VIEW_HEIGHT)
                : fitPosition(box, (int) laidOut.getWidth(), (int) laidOut.getHeight());
    }

    /** The centre and whole zoom level (tiles stay crisp) that show the box in a view of this size. */
    public static MapPosition fitPosition(BoundingBox box, int width, int height) {
        MapViewport view = MapViewport.fit(box, width, height, 30, 17);
        return new MapPosition(view.centerLon(), view.centerLat(), Math.floor(view.zoom()));
    }

    static BoundingBox unionOf(BoundingBox a, BoundingBox b) {
        return new BoundingBox(Math.min(a.minLon(), b.minLon()), Math.min(a.minLat(), b.minLat()),
                Math.max(a.maxLon(), b.maxLon()), Math.max(a.maxLat(), b.maxLat()));
    }

    /** Keeps where the map looks once it rests, so it reopens there (in the background; a failure only logs). */
    public void rememberView(MapPosition position) {
        if (position.equals(remembered)) {
            return;
        }
        remembered = position;
        executor.run("Remember the map view", context -> {
            map.rememberView(position);
            return position;
        }, saved -> { }, error -> { });
    }

    /** Reads everything again (after an import or a new analysis run); unchanged data is not reloaded. */
    public void refresh() {
        loadBasemap();
        loadIncidents();
        reloadRuns();
    }

    /** The snapshot with what the pane shows of it at once (days scanned and points indexed off the UI thread). */
    private record LoadedIncidents(IncidentSnapshot snapshot, List<String> categories, LocalDate firstDay, LocalDate lastDay,
            PreparedIncidents prepared) {
    }

    /** The incidents layer for a filter, and the ground its incidents cover. */
    private record PreparedIncidents(IncidentPainter painter, BoundingBox extent) {
    }

    /** Loads the snapshot and, in the same task (first paint does not queue twice), the incidents layer for the filter. */
    private void loadIncidents() {
        IncidentFilter wanted = filter.get();
        int generation = ++incidentGeneration;
        double opacity = layer(MapLayerState.Id.INCIDENTS).opacityProperty().get();
        boolean drawOpening = openingTileDrawn.add(MapLayerState.Id.INCIDENTS);
        executor.run("Load incidents for the map", BackgroundTasks.Priority.INTERACTIVE, context -> {
            IncidentSnapshot loaded = snapshots.current(context);
            PreparedIncidents prepared = prepareIncidents(loaded, wanted);
            // The density classes of the level the map opens at (where it was left, else on the incidents): the first
            // incident tiles would otherwise wait for them after the pane opened.
            Dimension2D size = laidOut;
            MapPosition left = map.lastView().orElse(null);
            MapPosition opening = left != null || prepared.extent() == null ? left : fitPosition(prepared.extent(), size);
            if (opening != null) {
                if (left == null && size == null) {
                    // Not laid out yet: a map smaller than the guess fits the incidents one level further out.
                    prepared.painter().breaks(Math.max(0, (int) Math.floor(opening.zoom()) - 1));
                }
                prepared.painter().breaks((int) Math.floor(opening.zoom()));
                // The cell counts of the level of the first tiles (the nearest whole zoom), which they are drawn from.
                prepared.painter().breaks((int) Math.round(opening.zoom()));
                if (drawOpening) {
                    drawOpeningTile(opening, new PaintedLayer(MapLayerState.Id.INCIDENTS.name(), prepared.painter(), opacity));
                }
            }
            return new LoadedIncidents(loaded, loaded.categories().stream().sorted().toList(), loaded.firstDay(),
                    loaded.lastDay(), prepared);
        }, loaded -> {
            snapshot = loaded.snapshot();
            categories.setAll(loaded.categories());
            firstDay.set(loaded.firstDay());
            lastDay.set(loaded.lastDay());
            if (windowEnd.get() == null || loaded.lastDay() != null && windowEnd.get().isAfter(loaded.lastDay())) {
                windowEnd.set(loaded.lastDay());
            }
            if (generation == incidentGeneration && wanted.equals(filter.get())) {
                showIncidents(loaded.prepared());
            } else {
                refreshIncidents();
            }
            refreshChoropleth();
        }, error -> status.set("Cannot load incidents: " + error.getMessage()));
    }

    /**
     * Draws the tile at the centre of the view the map opens at with a layer just prepared, off the UI thread and
     * before the pane opens: on a cold start the first tile a layer draws costs about 0.3 s of class loading and
     * compiling (Java2D, fonts, the layer's own drawing), the next ones milliseconds. The picture is not kept (the
     * pane's tiles show every visible layer together).
     */
    private static void drawOpeningTile(MapPosition opening, PaintedLayer layer) {
        int level = (int) Math.max(0, Math.min(20, Math.round(opening.zoom())));
        long tiles = 1L << level;
        OverlayLayer.renderTile(List.of(layer), level,
                Math.floorMod((long) Math.floor(org.khareetaty.map.WebMercator.x(opening.centerLon()) * tiles), tiles),
                Math.max(0, Math.min(tiles - 1, (long) Math.floor(org.khareetaty.map.WebMercator.y(opening.centerLat()) * tiles))));
    }

    /**
     * The legends of the visible layers at a zoom level, computed in the background (density classes are
     * quantiles over every incident) and handed to {@code done} on the UI thread; an answer for an older
     * request is dropped.
     */
    public void legends(int zoom, Consumer<List<Legend>> done) {
        List<PaintedLayer> painted = paintedLayers();
        int generation = ++legendGeneration;
        executor.run("Map legends", context -> painted.stream().map(layer -> layer.painter().legend(zoom))
                .filter(legend -> !legend.entries().isEmpty()).toList(), legends -> {
                    if (generation == legendGeneration) {
                        done.accept(legends);
                    }
                }, error -> status.set("Cannot draw the legends: " + error.getMessage()));
    }

    private void loadBasemap() {
        executor.run("Load the basemap", context -> new Opened(map.tiles(), map.areas(), null, null, Map.of()),
                loaded -> showBasemap(loaded.tiles(), loaded.areas()),
                error -> status.set("Cannot load the basemap: " + error.getMessage()));
    }

    private void showBasemap(BasemapTiles loaded, List<MapArea> loadedAreas) {
        tiles.set(loaded);
        attribution.set(loaded.attribution());
        areas.setAll(loadedAreas);
        List<String> kinds = loadedAreas.stream().map(MapArea::kind).distinct().sorted().toList();
        areaKinds.setAll(kinds);
        if (areaKind.get() == null || !kinds.contains(areaKind.get())) {
            areaKind.set(kinds.isEmpty() ? null : kinds.get(0));
        }
        layer(MapLayerState.Id.AREAS).noteProperty().set(kinds.isEmpty() ? "No areas imported yet" : "");
        refreshChoropleth();
        status.set("");
    }

    /** Reads the lists of analysis runs again (after an analysis finished) and keeps or picks the newest run. */
    public void reloadRuns() {
        // Interactive: the visible layers of runs are part of the map's first picture.
        executor.run("Load analysis runs for the map", BackgroundTasks.Priority.INTERACTIVE, context -> map.layers().runs(
                List.of("DBSCAN", "KDE", "GISTAR", "FORECAST")), all -> {
                    setRuns(MapLayerState.Id.HOTSPOTS, all.stream().filter(r -> HOTSPOT_RUN_KINDS.contains(r.kind())
                            && r.hotspotCount() > 0).toList(), "No hotspot run yet: run one under Analysis");
                    setRuns(MapLayerState.Id.DENSITY, all.stream().filter(r -> r.kind().equals("KDE") && r.gridCount() > 0).toList(),
                            "No kernel density run yet");
                    setRuns(MapLayerState.Id.GISTAR, all.stream().filter(r -> r.kind().equals("GISTAR")).toList(),
                            "No Gi* run yet");
                    setRuns(MapLayerState.Id.FORECAST, all.stream().filter(r -> r.kind().equals("FORECAST") && r.gridCount() > 0).toList(),
                            "No forecast risk surface yet");
                }, error -> status.set("Cannot read analysis runs: " + error.getMessage()));
    }

    private void setRuns(MapLayerState.Id id, List<AnalysisRunInfo> list, String emptyNote) {
        AnalysisRunInfo selected = selectedRun.get(id).get();
        runs.get(id).setAll(list);
        layer(id).noteProperty().set(list.isEmpty() ? emptyNote : "");
        boolean stillThere = selected != null && list.stream().anyMatch(r -> r.id().equals(selected.id()));
        if (!stillThere) {
            selectedRun.get(id).set(list.isEmpty() ? null : list.get(0));
        }
    }

    private void loadRun(MapLayerState.Id id, AnalysisRunInfo run) {
        MapLayerState state = layer(id);
        if (run == null) {
            state.painterProperty().set(null);
            if (id == MapLayerState.Id.HOTSPOTS) {
                hotspots.clear();
            }
            return;
        }
        String label = run.describe(zone);
        boolean drawOpening = state.visibleProperty().get() && openingTileDrawn.add(id);
        double opacity = state.opacityProperty().get();
        executor.run("Load " + id.title().toLowerCase(Locale.ROOT) + " for the map", BackgroundTasks.Priority.INTERACTIVE, context -> {
            LayerPainter painter = switch (id) {
                case HOTSPOTS -> new HotspotPainter(map.layers().hotspots(run.id()), label, HotspotPainter.Colouring.BY_RANK);
                case DENSITY -> gridPainter(map.layers().grids(run.id()), GridPainter.Style.HEAT, "Kernel density", label);
                case FORECAST -> gridPainter(map.layers().grids(run.id()), GridPainter.Style.RISK, "Forecast risk", label);
                case GISTAR -> {
                    List<GridData> grids = map.layers().grids(run.id());
                    yield grids.isEmpty()
                            ? new HotspotPainter(map.layers().hotspots(run.id()), label, HotspotPainter.Colouring.BY_SIGNIFICANCE)
                            : gridPainter(grids, GridPainter.Style.SIGNIFICANCE, "Gi* cells", label);
                }
                default -> throw new IllegalStateException(id.toString());
            };
            if (drawOpening) {
                map.lastView().ifPresent(left -> drawOpeningTile(left, new PaintedLayer(id.name(), painter, opacity)));
            }
            return painter;
        }, painter -> {
            if (run.equals(selectedRun.get(id).get())) {
                state.painterProperty().set(painter);
                if (painter instanceof HotspotPainter hp && id == MapLayerState.Id.HOTSPOTS) {
                    hotspots.setAll(hp.hotspots().stream().sorted(java.util.Comparator.comparingInt(MapHotspot::rank)).toList());
                }
            }
        }, error -> state.noteProperty().set("Cannot draw this run: " + error.getMessage()));
    }

    /** The grid whose name suits the layer best (z-scores for Gi*, otherwise the first), as a painter. */
    static LayerPainter gridPainter(List<GridData> grids, GridPainter.Style style, String title, String runLabel) {
        if (grids.isEmpty()) {
            throw new IllegalStateException("the run has no grid");
        }
        GridData chosen = grids.get(0);
        if (style == GridPainter.Style.SIGNIFICANCE) {
            chosen = grids.stream().filter(g -> g.name().toLowerCase(Locale.ROOT).contains("z")).findFirst().orElse(chosen);
        }
        return new GridPainter(chosen, style, title + " — " + runLabel);
    }

    private void refreshIncidents() {
        IncidentSnapshot current = snapshot;
        if (current == null) {
            return;
        }
        IncidentFilter wanted = filter.get();
        int generation = ++incidentGeneration;
        executor.run("Prepare incidents for the map", context -> prepareIncidents(current, wanted), prepared -> {
            if (generation == incidentGeneration) {
                showIncidents(prepared);
            }
        }, error -> status.set("Cannot prepare incidents: " + error.getMessage()));
    }

    private static PreparedIncidents prepareIncidents(IncidentSnapshot snapshot, IncidentFilter wanted) {
        PointIndex index = PointIndex.build(snapshot, snapshot.matchingLocated(wanted));
        return new PreparedIncidents(new IncidentPainter(index, snapshot.categories(), snapshot.categoryCounts()),
                DataExtent.of(index));
    }

    private void showIncidents(PreparedIncidents prepared) {
        IncidentPainter painter = prepared.painter();
        incidentExtent = prepared.extent();
        layer(MapLayerState.Id.INCIDENTS).painterProperty().set(painter);
        layer(MapLayerState.Id.INCIDENTS).noteProperty().set(painter.index().size() == 0
                ? "No located incidents match the filter" : String.format("%,d incidents on the map", painter.index().size()));
    }

    private void refreshChoropleth() {
        IncidentSnapshot current = snapshot;
        String kind = areaKind.get();
        AreaMeasure measure = areaMeasure.get();
        if (current == null || kind == null || !layer(MapLayerState.Id.AREAS).visibleProperty().get()) {
            return;
        }
        List<MapArea> ofKind = areas.stream().filter(a -> a.kind().equals(kind)).toList();
        IncidentFilter wanted = filter.get();
        int generation = ++choroplethGeneration;
        executor.run("Count incidents by area", context -> new ChoroplethPainter(ofKind,
                AreaStatistics.values(current, wanted, ofKind, kind, measure), measure, kind), painter -> {
                    if (generation == choroplethGeneration) {
                        layer(MapLayerState.Id.AREAS).painterProperty().set(painter);
                        boolean noPopulation = measure == AreaMeasure.RATE && ofKind.stream().noneMatch(a -> a.population() != null);
                        layer(MapLayerState.Id.AREAS).noteProperty().set(noPopulation
                                ? "These areas have no population: rates cannot be shown" : "");
                    }
                }, error -> status.set("Cannot count incidents by area: " + error.getMessage()));
    }

    // ---- filter: time window and categories ---------------------------------------------------------

    private void applyWindow() {
        TimeWindow w = window.get();
        LocalDate end = windowEnd.get();
        IncidentFilter current = filter.get();
        IncidentFilter wanted = w == TimeWindow.ALL || end == null
                ? current.withDates(null, null)
                : current.withDates(end.minusDays(w.days() - 1L), end);
        if (!wanted.equals(current)) {
            filter.set(wanted);
        }
        syncWindowText();
    }

    private void syncWindowText() {
        IncidentFilter current = filter.get();
        if (current.from() == null && current.to() == null) {
            windowText.set("All dates");
        } else if (current.from() != null && current.from().equals(current.to())) {
            windowText.set(DAY.format(current.from()));
        } else {
            windowText.set((current.from() == null ? "…" : DAY.format(current.from())) + " – "
                    + (current.to() == null ? "…" : DAY.format(current.to())));
        }
    }

    /** One step of "play": moves the window on by a day or a week; stops at the last day of data. */
    public void stepPlayback() {
        LocalDate end = windowEnd.get();
        LocalDate last = lastDay.get();
        if (end == null || last == null) {
            playing.set(false);
            return;
        }
        if (window.get() == TimeWindow.ALL) {
            window.set(playStep.get() == PlayStep.DAY ? TimeWindow.DAY : TimeWindow.WEEK);
        }
        LocalDate next = end.plusDays(playStep.get().days());
        if (next.isAfter(last)) {
            playing.set(false);
            return;
        }
        windowEnd.set(next);
    }

    /** Starts play from the first day when the window is at the end of the data. */
    public void togglePlay() {
        if (!playing.get() && windowEnd.get() != null && windowEnd.get().equals(lastDay.get()) && firstDay.get() != null) {
            if (window.get() == TimeWindow.ALL) {
                window.set(playStep.get() == PlayStep.DAY ? TimeWindow.DAY : TimeWindow.WEEK);
            }
            windowEnd.set(firstDay.get().plusDays(window.get().days() - 1L));
        }
        playing.set(!playing.get());
    }

    /** The categories the filter lets through; empty means all. */
    public Set<String> selectedCategories() {
        return filter.get().categories();
    }

    public void setCategories(Collection<String> selected) {
        Set<String> chosen = new LinkedHashSet<>(selected);
        // Every category ticked is the same as no category filter.
        filter.set(filter.get().withCategories(chosen.containsAll(categories) ? Set.of() : chosen));
    }

    // ---- selection and zoom ---------------------------------------------------------------------------

    /** Filters every pane to the incidents inside a rectangle drawn on the map. */
    public void selectBox(BoundingBox box) {
        filter.set(filter.get().withSelection(box));
    }

    /** Filters every pane to the incidents inside a lasso (longitude/latitude pairs) drawn on the map. */
    public void selectLasso(List<double[]> lonLat) {
        if (lonLat.size() >= 3) {
            filter.set(filter.get().withSelection(BoundingBox.lasso(lonLat)));
        }
    }

    public void clearSelection() {
        filter.set(filter.get().withSelection(null));
    }

    public boolean hasSelection() {
        return filter.get().selection() != null;
    }

    public void zoomToArea(MapArea area) {
        if (area != null) {
            zoomRequest.set(area.shape().bounds());
            filter.set(filter.get().withAreas(Set.of(area.id())));
        }
    }

    /** Removes the area filter set by "zoom to area". */
    public void clearAreaFilter() {
        filter.set(filter.get().withAreas(Set.of()));
    }

    public void zoomToHotspot(MapHotspot hotspot) {
        if (hotspot != null) {
            zoomRequest.set(hotspot.shape().bounds());
        }
    }

    /** Shows the incidents under the filter (all but the few far away from the rest). */
    public void zoomToData() {
        if (incidentExtent != null) {
            zoomRequest.set(incidentExtent);
        }
    }

    private IncidentPainter incidentPainter() {
        return layer(MapLayerState.Id.INCIDENTS).painterProperty().get() instanceof IncidentPainter p ? p : null;
    }

    private boolean shown(MapLayerState.Id id) {
        MapLayerState state = layer(id);
        return state.visibleProperty().get() && state.painterProperty().get() != null;
    }

    // ---- hover and click ------------------------------------------------------------------------------

    /** What is under the pointer, one line per layer that has something there; null when nothing is. */
    public String tooltipAt(MapViewport view, double px, double py) {
        double lon = view.lonAt(px);
        double lat = view.latAt(py);
        List<String> lines = new ArrayList<>();
        IncidentPainter incidentsPainter = shown(MapLayerState.Id.INCIDENTS) ? incidentPainter() : null;
        if (incidentsPainter != null && snapshot != null) {
            PointIndex index = incidentsPainter.index();
            if (incidentsPainter.showsPoints(view.zoom())) {
                int position = index.nearest(view, px, py, HOVER_RADIUS_PX);
                if (position >= 0) {
                    int row = index.row(position);
                    lines.add(snapshot.categories().get(snapshot.categoryIndex(row)) + " — "
                            + DAY_TIME.format(Instant.ofEpochSecond(snapshot.occurredEpochSecond(row)).atZone(zone))
                            + " (click for details)");
                }
            } else {
                int count = index.count(new MapViewport(lon, lat, view.zoom(), 12, 12));
                if (count > 0) {
                    lines.add(String.format("%,d incidents within ≈ %s m", count,
                            Palette.number(12 * WebMercator.metresPerPixel(lat, view.zoom()))));
                }
            }
        }
        if (shown(MapLayerState.Id.HOTSPOTS) && layer(MapLayerState.Id.HOTSPOTS).painterProperty().get() instanceof HotspotPainter hp) {
            MapHotspot hotspot = hp.hotspotAt(lon, lat);
            if (hotspot != null) {
                lines.add(String.format("%s: rank %d, %,d incidents, %s per km²", hotspot.label(), hotspot.rank(),
                        hotspot.incidentCount(), Palette.number(hotspot.densityPerKm2())));
            }
        }
        for (MapLayerState.Id id : List.of(MapLayerState.Id.DENSITY, MapLayerState.Id.GISTAR, MapLayerState.Id.FORECAST)) {
            if (!shown(id)) {
                continue;
            }
            LayerPainter painter = layer(id).painterProperty().get();
            if (painter instanceof GridPainter grid) {
                double value = grid.valueAt(lon, lat);
                if (Double.isFinite(value) && value != 0) {
                    lines.add(id.title() + ": " + Palette.number(value) + " " + grid.grid().unit());
                }
            } else if (painter instanceof HotspotPainter cells) {
                MapHotspot cell = cells.hotspotAt(lon, lat);
                if (cell != null && cell.zScore() != null) {
                    lines.add(id.title() + ": z = " + Palette.number(cell.zScore())
                            + (cell.confidence() == null ? "" : " (" + cell.confidence() + " % confidence)"));
                }
            }
        }
        if (shown(MapLayerState.Id.AREAS) && layer(MapLayerState.Id.AREAS).painterProperty().get() instanceof ChoroplethPainter cp) {
            MapArea area = cp.areaAt(lon, lat);
            if (area != null) {
                Double value = cp.valueOf(area.id());
                String shownValue = value == null ? "no value"
                        : Double.isInfinite(value) ? "new (none before)" : Palette.number(value) + " " + cp.measure().unit();
                lines.add(area.kind() + " " + area.name() + ": " + shownValue);
            }
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** Shows the details of the incident under the pointer, read from the database in the background. */
    public void showDetailsAt(MapViewport view, double px, double py) {
        IncidentPainter painter = shown(MapLayerState.Id.INCIDENTS) ? incidentPainter() : null;
        if (painter == null || snapshot == null || !painter.showsPoints(view.zoom())) {
            return;
        }
        int position = painter.index().nearest(view, px, py, HOVER_RADIUS_PX);
        if (position < 0) {
            details.set(null);
            return;
        }
        UUID id = snapshot.id(painter.index().row(position));
        executor.run("Read incident details", context -> incidents.find(id),
                found -> details.set(found.orElse(null)), error -> status.set("Cannot read the incident: " + error.getMessage()));
    }

    // ---- snapshot and basemap settings ------------------------------------------------------------------

    /** Saves the map as it is shown (basemap, visible layers, legends) to a PNG of the chosen size. */
    public void saveSnapshot(MapViewport view, int width, int height, Path file, Consumer<Path> onSaved) {
        BasemapTiles basemap = tiles.get();
        List<PaintedLayer> painted = paintedLayers();
        String credit = attribution.get();
        String shown = "zoom " + view.zoom() + ", " + painted.size() + " layers, " + filter.filterProperty().get().summary();
        executor.run("Save the map as PNG", context -> {
            map.writeSnapshot(principal, MapSnapshotRenderer.render(view, basemap == null ? null : basemap.asPainter(),
                    painted, width, height, new MapSnapshotRenderer.Decorations(true, true, credit)), file, shown);
            return file;
        }, saved -> {
            status.set("Saved the map to " + saved);
            onSaved.accept(saved);
        }, error -> status.set("Cannot save the map: " + error.getMessage()));
    }

    /** The configured tile server, MBTiles file and credit line (empty when not set). */
    public String[] basemapSettings() {
        return new String[] {settings.get(MapSettings.TILE_URL), settings.get(MapSettings.MBTILES_FILE),
            settings.get(MapSettings.TILE_ATTRIBUTION)};
    }

    /**
     * Checks and stores the basemap settings, then reloads the tiles; {@code onDone} receives null on
     * success or the message saying what is wrong (nothing is stored then).
     */
    public void saveBasemapSettings(String url, String mbtiles, String credit, Consumer<String> onDone) {
        executor.run("Save basemap settings", context -> map.saveBasemapSettings(principal, url, mbtiles, credit),
                loaded -> {
            tiles.set(loaded);
            attribution.set(loaded.attribution());
            onDone.accept(null);
        }, error -> onDone.accept(error.getMessage()));
    }

    /** The category filter as text for the toolbar. */
    public String categoriesSummary() {
        Set<String> chosen = selectedCategories();
        return chosen.isEmpty() ? "All categories" : chosen.stream().sorted().collect(Collectors.joining(", "));
    }
}
