package org.khareetaty.ui.map;

import com.gluonhq.maps.MapPoint;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.khareetaty.common.IncidentFilter.BoundingBox;
import org.khareetaty.map.AnalysisRunInfo;
import org.khareetaty.map.AreaMeasure;
import org.khareetaty.map.BasemapTiles;
import org.khareetaty.map.Legend;
import org.khareetaty.map.MapArea;
import org.khareetaty.map.MapHotspot;
import org.khareetaty.map.MapPosition;
import org.khareetaty.map.MapViewport;
import org.khareetaty.map.PaintedLayer;
import org.khareetaty.map.TileQueue;
import org.khareetaty.map.TileRange;
import org.khareetaty.store.IncidentRow;

/**
 * The map pane: Gluon Maps with the offline basemap, the analysis layers drawn by {@link OverlayLayer},
 * a layer panel (toggle, opacity, run or measure, legend), a toolbar (zoom to data/area/hotspot,
 * selection tools, categories, snapshot, basemap settings) and the time slider with play.
 */
public final class MapView extends BorderPane {

    /** What a drag on the map does. */
    enum Tool { PAN, RECTANGLE, LASSO }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MapViewModel viewModel;
    private final TileQueue<String> basemapQueue;
    private final TileQueue<String> overlayQueue;
    private final StackPane mapStack = new StackPane();
    private final Pane selectionPane = new Pane();
    private final Label hover = new Label();
    private final VBox legends = new VBox(6);
    private final Label attribution = new Label();
    private final ToggleGroup tools = new ToggleGroup();
    private com.gluonhq.maps.MapView gluonMap;
    private OverlayLayer overlay;
    private int legendZoom = -1;
    /**
     * Shows the legends of a new zoom level once the map rests: the density classes of a level are counted over every
     * incident, and a zoom gesture passes through levels nobody reads a legend of (their counting took CPU from the
     * gesture's frames).
     */
    private final PauseTransition legendsAtRest = new PauseTransition(Duration.millis(250));
    /** Keeps the view once it has rested a moment, so the map reopens there. */
    private final PauseTransition rememberView = new PauseTransition(Duration.seconds(1));
    private double dragStartX;
    private double dragStartY;
    private final List<Double> lassoPoints = new ArrayList<>();
    private final Timeline player;

    public MapView(MapViewModel viewModel, TileQueue<String> basemapQueue, TileQueue<String> overlayQueue) {
        this.viewModel = viewModel;
        this.basemapQueue = basemapQueue;
        this.overlayQueue = overlayQueue;
        setId("map-pane");

        hover.setId("map-hover");
        hover.setMouseTransparent(true);
        hover.setVisible(false);
        hover.setStyle("-fx-background-color: rgba(255,255,255,0.95); -fx-border-color: #666; -fx-padding: 4 6 4 6; "
                + "-fx-font-size: 12px;");
        hover.setManaged(false);
        selectionPane.setMouseTransparent(true);
        legends.setId("map-legends");
        legends.setMouseTransparent(true);
        legends.setPadding(new Insets(8));
        legends.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(legends, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legends, new Insets(0, 0, 24, 0));
        attribution.setId("map-attribution");
        attribution.textProperty().bind(viewModel.attributionProperty());
        attribution.setStyle("-fx-background-color: rgba(255,255,255,0.8); -fx-padding: 1 4 1 4; -fx-font-size: 10px;");
        attribution.setMouseTransparent(true);
        StackPane.setAlignment(attribution, Pos.BOTTOM_RIGHT);
        // The map under them changes every frame of a pan or zoom: keep the legends and the credit line as
        // pictures, so a frame copies them instead of stroking their borders and drawing their text again.
        legends.setCache(true);
        attribution.setCache(true);
        Pane hoverPane = new Pane(hover);
        hoverPane.setMouseTransparent(true);
        mapStack.setMinSize(200, 200);
        mapStack.layoutBoundsProperty().addListener((obs, old, now) -> viewModel.mapLaidOut(now.getWidth(), now.getHeight()));
        mapStack.getChildren().addAll(selectionPane, legends, attribution, hoverPane);

        setTop(toolbar());
        setCenter(mapStack);
        setRight(sidePanel());
        setBottom(timeBar());

        player = new Timeline(new KeyFrame(Duration.millis(700), e -> viewModel.stepPlayback()));
        player.setCycleCount(Timeline.INDEFINITE);
        viewModel.playingProperty().addListener((obs, old, now) -> {
            if (now) {
                player.play();
            } else {
                player.stop();
            }
        });

        viewModel.tilesProperty().addListener((obs, old, now) -> installBasemap(now));
        viewModel.overlayVersionProperty().addListener((obs, old, now) -> refreshOverlay());
        viewModel.zoomRequestProperty().addListener((obs, old, now) -> {
            if (now != null) {
                fit(now);
                viewModel.zoomRequestProperty().set(null);
            }
        });
        legendsAtRest.setOnFinished(e -> refreshLegends(false));
        rememberView.setOnFinished(e -> {
            MapViewport view = overlay.viewport();
            if (view != null) {
                viewModel.rememberView(MapPosition.of(view));
            }
        });
        // Gluon's map is made once the map has been read, at the place it opens, so the first tiles asked for are
        // the ones shown (not a world view first); until then the pane shows the sea.
        mapStack.setStyle("-fx-background-color: #aad3df;");
        viewModel.open();
        // Prepared before the pane was shown: the map is made at once.
        installBasemap(viewModel.tilesProperty().get());
    }

    // ---- the map ------------------------------------------------------------------------------------

    private void createGluonMap(MapPoint centre, double zoom) {
        if (gluonMap != null) {
            mapStack.getChildren().remove(gluonMap);
            // The old map may have been made in the middle of a zoom gesture: its held queues serve the new one.
            basemapQueue.release();
            overlayQueue.release();
        }
        com.gluonhq.maps.MapView map = new com.gluonhq.maps.MapView();
        map.setId("map-view");
        map.setZoom(zoom);
        map.setCenter(centre);
        overlay = new OverlayLayer(map, overlayQueue, basemapQueue, rememberView::playFromStart, viewModel::mapMoving);
        map.addLayer(overlay);
        overlay.show(viewModel.paintedLayers(), viewModel.overlayVersionProperty().get());
        installInteraction(map);
        gluonMap = map;
        mapStack.getChildren().add(0, map);
    }

    /** Hands the tiles to Gluon and shows the map; a later change (settings) rebuilds the map view so old tiles go. */
    private void installBasemap(BasemapTiles tiles) {
        if (tiles == null) {
            return;
        }
        AppTileRetriever.installed().serve(tiles, basemapQueue, viewModel.firstTiles(tiles));
        if (gluonMap != null) {
            createGluonMap(gluonMap.getCenter(), gluonMap.getZoom());
        } else if (mapStack.getWidth() > 0 && mapStack.getHeight() > 0) {
            showMapAtStart();
        } else {
            // Not laid out yet: the size decides the zoom that fits the data. Both sides: a resize sets the width
            // before the height, and a zoom fitted to a map 1 pixel high showed the whole world.
            mapStack.layoutBoundsProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends javafx.geometry.Bounds> bounds,
                        javafx.geometry.Bounds old, javafx.geometry.Bounds now) {
                    if (gluonMap == null && now.getWidth() > 0 && now.getHeight() > 0) {
                        mapStack.layoutBoundsProperty().removeListener(this);
                        showMapAtStart();
                    }
                }
            });
        }
    }

    /** Makes Gluon's map where the map opens: where it was left, or on the data. */
    private void showMapAtStart() {
        int width = (int) mapStack.getWidth();
        int height = (int) mapStack.getHeight();
        MapPosition start = viewModel.startPosition(width, height);
        createGluonMap(start == null ? new MapPoint(0, 0) : new MapPoint(start.centerLat(), start.centerLon()),
                start == null ? 2 : start.zoom());
        if (start != null) {
            MapViewport first = new MapViewport(start.centerLon(), start.centerLat(), start.zoom(), width, height);
            AppTileRetriever.installed().prefetch(TileRange.covering(first, OverlayLayer.gluonLevel(start.zoom())));
        }
    }

    private void refreshOverlay() {
        if (overlay == null) {
            return;   // the map is not shown yet; it draws the current layers when it is
        }
        overlay.show(viewModel.paintedLayers(), viewModel.overlayVersionProperty().get());
        refreshLegends(true);
    }

    /** Centres and zooms the map so the box fills it. */
    void fit(BoundingBox box) {
        if (gluonMap == null) {
            return;
        }
        MapPosition fitted = MapViewModel.fitPosition(box, (int) Math.max(400, gluonMap.getWidth()),
                (int) Math.max(300, gluonMap.getHeight()));
        gluonMap.setZoom(fitted.zoom());
        gluonMap.setCenter(fitted.centerLat(), fitted.centerLon());
    }

    /** The view as it is on screen now (for snapshots and the benchmark). */
    MapViewport viewport() {
        MapViewport view = overlay == null ? null : overlay.currentViewport();
        return view != null ? view : new MapViewport(0, 0, 2, (int) Math.max(1, mapStack.getWidth()), (int) Math.max(1, mapStack.getHeight()));
    }

    com.gluonhq.maps.MapView gluonMap() {
        return gluonMap;
    }

    OverlayLayer overlay() {
        return overlay;
    }

    /** True once Gluon's map has its tiles: none waiting to be drawn, and some drawn or handed over from memory. */
    boolean basemapQueueIdle() {
        return gluonMap != null && basemapQueue.waiting() == 0
                && (basemapQueue.completed() > 0 || AppTileRetriever.installed().servedAtOnce() > 0);
    }

    /** The view model (for the benchmark). */
    public MapViewModel viewModel() {
        return viewModel;
    }

    private void installInteraction(com.gluonhq.maps.MapView map) {
        map.addEventHandler(MouseEvent.MOUSE_MOVED, e -> showHover(e.getX(), e.getY()));
        map.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.setVisible(false));
        map.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && currentTool() == Tool.PAN) {
                viewModel.showDetailsAt(viewport(), e.getX(), e.getY());
            }
        });
        // Selection tools take the drag away from Gluon's panning.
        map.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (currentTool() != Tool.PAN && e.getButton() == MouseButton.PRIMARY) {
                dragStartX = e.getX();
                dragStartY = e.getY();
                lassoPoints.clear();
                lassoPoints.add(e.getX());
                lassoPoints.add(e.getY());
                e.consume();
            }
        });
        map.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (currentTool() != Tool.PAN) {
                drawSelection(e.getX(), e.getY());
                e.consume();
            }
        });
        map.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (currentTool() != Tool.PAN && e.getButton() == MouseButton.PRIMARY) {
                finishSelection(e.getX(), e.getY());
                e.consume();
            }
        });
        map.layoutBoundsProperty().addListener((obs, old, now) -> legendsAtRest.playFromStart());
        map.needsLayoutProperty().addListener((obs, old, now) -> legendsAtRest.playFromStart());
    }

    private Tool currentTool() {
        return tools.getSelectedToggle() == null ? Tool.PAN : (Tool) tools.getSelectedToggle().getUserData();
    }

    /** Shows what is under a map pixel as if the pointer were there. */
    void showHoverAt(double x, double y) {
        showHover(x, y);
    }

    private void showHover(double x, double y) {
        String text = viewModel.tooltipAt(viewport(), x, y);
        if (text == null) {
            hover.setVisible(false);
            return;
        }
        hover.setText(text);
        hover.autosize();
        double hx = x + 16 + hover.getWidth() > mapStack.getWidth() ? x - 16 - hover.getWidth() : x + 16;
        double hy = y + 16 + hover.getHeight() > mapStack.getHeight() ? y - 16 - hover.getHeight() : y + 16;
        hover.relocate(Math.max(0, hx), Math.max(0, hy));
        hover.setVisible(true);
    }

    private void drawSelection(double x, double y) {
        selectionPane.getChildren().clear();
        if (currentTool() == Tool.RECTANGLE) {
            Rectangle box = new Rectangle(Math.min(dragStartX, x), Math.min(dragStartY, y),
                    Math.abs(x - dragStartX), Math.abs(y - dragStartY));
            box.setFill(Color.rgb(30, 100, 220, 0.15));
            box.setStroke(Color.rgb(30, 100, 220));
            box.getStrokeDashArray().setAll(6.0, 4.0);
            selectionPane.getChildren().add(box);
        } else {
            lassoPoints.add(x);
            lassoPoints.add(y);
            Polygon lasso = new Polygon();
            lasso.getPoints().setAll(lassoPoints);
            lasso.setFill(Color.rgb(30, 100, 220, 0.15));
            lasso.setStroke(Color.rgb(30, 100, 220));
            selectionPane.getChildren().add(lasso);
        }
    }

    private void finishSelection(double x, double y) {
        selectionPane.getChildren().clear();
        MapViewport view = viewport();
        if (currentTool() == Tool.RECTANGLE) {
            if (Math.abs(x - dragStartX) < 4 || Math.abs(y - dragStartY) < 4) {
                return;
            }
            viewModel.selectBox(new BoundingBox(view.lonAt(Math.min(x, dragStartX)), view.latAt(Math.max(y, dragStartY)),
                    view.lonAt(Math.max(x, dragStartX)), view.latAt(Math.min(y, dragStartY))));
        } else {
            if (lassoPoints.size() < 6) {
                return;
            }
            List<double[]> lonLat = new ArrayList<>();
            for (int i = 0; i < lassoPoints.size(); i += 2) {
                lonLat.add(new double[] {view.lonAt(lassoPoints.get(i)), view.latAt(lassoPoints.get(i + 1))});
            }
            viewModel.selectLasso(lonLat);
        }
    }

    // ---- legends ------------------------------------------------------------------------------------

    /** Legends follow the integer zoom and the layers; they are computed in the background, never per frame. */
    private void refreshLegends(boolean force) {
        MapViewport view = overlay == null ? null : overlay.viewport();
        int zoom = view == null ? 0 : (int) Math.floor(view.zoom());
        if (!force && zoom == legendZoom) {
            return;
        }
        legendZoom = zoom;
        viewModel.legends(zoom, all -> legends.getChildren().setAll(all.stream().map(MapView::legendBox).toList()));
    }

    static VBox legendBox(Legend legend) {
        VBox box = new VBox(2);
        box.setStyle("-fx-background-color: rgba(255,255,255,0.9); -fx-border-color: #888; -fx-padding: 5;");
        Label title = new Label(legend.title());
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 11px;");
        title.setWrapText(true);
        title.setMaxWidth(300);
        box.getChildren().add(title);
        for (Legend.Entry entry : legend.entries()) {
            Rectangle swatch = new Rectangle(16, 10, argb(entry.argb()));
            swatch.setStroke(Color.gray(0.4));
            Label label = new Label(entry.label(), swatch);
            label.setStyle("-fx-font-size: 11px;");
            box.getChildren().add(label);
        }
        return box;
    }

    private static Color argb(int argb) {
        return Color.rgb((argb >> 16) & 0xFF, (argb >> 8) & 0xFF, argb & 0xFF, ((argb >>> 24) & 0xFF) / 255.0);
    }

    // ---- toolbar --------------------------------------------------------------------------------------

    private Node toolbar() {
        Button data = new Button("Zoom to data");
        data.setOnAction(e -> viewModel.zoomToData());

        ComboBox<MapArea> area = new ComboBox<>(viewModel.areas());
        area.setId("map-zoom-area");
        area.setPromptText("Zoom to area…");
        area.setConverter(converter(a -> a.kind() + " " + a.name()));
        area.setOnAction(e -> {
            if (area.getValue() != null) {
                viewModel.zoomToArea(area.getValue());
            }
        });
        Button allAreas = new Button("All areas");
        allAreas.setOnAction(e -> {
            area.setValue(null);
            viewModel.clearAreaFilter();
        });

        ComboBox<MapHotspot> hotspot = new ComboBox<>(viewModel.hotspots());
        hotspot.setId("map-zoom-hotspot");
        hotspot.setPromptText("Zoom to hotspot…");
        hotspot.setConverter(converter(h -> "#" + h.rank() + " " + h.label()));
        hotspot.setOnAction(e -> viewModel.zoomToHotspot(hotspot.getValue()));

        ToggleButton pan = tool("Pan", Tool.PAN, "Drag to move the map, scroll to zoom, click an incident for details");
        ToggleButton rectangle = tool("Rectangle", Tool.RECTANGLE, "Drag a rectangle: every pane shows only incidents inside it");
        ToggleButton lasso = tool("Lasso", Tool.LASSO, "Draw around incidents: every pane shows only incidents inside it");
        pan.setSelected(true);
        tools.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            }
        });
        Button clear = new Button("Clear selection");
        clear.setId("map-clear-selection");
        clear.setOnAction(e -> viewModel.clearSelection());

        MenuButton categories = new MenuButton("All categories");
        categories.setId("map-categories");
        Runnable rebuildCategories = () -> {
            categories.getItems().clear();
            MenuItem all = new MenuItem("All categories");
            all.setOnAction(e -> viewModel.setCategories(viewModel.categories()));
            categories.getItems().addAll(all, new SeparatorMenuItem());
            for (String category : viewModel.categories()) {
                CheckMenuItem item = new CheckMenuItem(category);
                item.setSelected(viewModel.selectedCategories().isEmpty() || viewModel.selectedCategories().contains(category));
                item.selectedProperty().addListener((obs, old, now) -> viewModel.setCategories(categories.getItems().stream()
                        .filter(i -> i instanceof CheckMenuItem c && c.isSelected()).map(MenuItem::getText).toList()));
                categories.getItems().add(item);
            }
            categories.setText(viewModel.categoriesSummary().length() > 40
                    ? viewModel.selectedCategories().size() + " categories" : viewModel.categoriesSummary());
        };
        viewModel.categories().addListener((ListChangeListener<String>) c -> rebuildCategories.run());
        viewModel.windowTextProperty().addListener((obs, old, now) -> categories.setText(
                viewModel.categoriesSummary().length() > 40 ? viewModel.selectedCategories().size() + " categories"
                        : viewModel.categoriesSummary()));
        categories.setOnShowing(e -> rebuildCategories.run());

        Button snapshot = new Button("Save PNG…");
        snapshot.setId("map-snapshot");
        snapshot.setOnAction(e -> saveSnapshot());
        Button basemap = new Button("Basemap…");
        basemap.setOnAction(e -> editBasemap());
        Button refresh = new Button("Refresh");
        refresh.setTooltip(new javafx.scene.control.Tooltip("Read incidents, areas and analysis runs again (after an import or analysis)"));
        refresh.setOnAction(e -> viewModel.refresh());

        ToolBar navigate = new ToolBar(data, area, allAreas, hotspot, new javafx.scene.control.Separator(), refresh, snapshot, basemap);
        ToolBar select = new ToolBar(new Label("Drag:"), pan, rectangle, lasso, clear, new javafx.scene.control.Separator(),
                new Label("Categories:"), categories);
        return new VBox(navigate, select);
    }

    private ToggleButton tool(String text, Tool tool, String tip) {
        ToggleButton button = new ToggleButton(text);
        button.setId("map-tool-" + tool.name().toLowerCase(java.util.Locale.ROOT));
        button.setUserData(tool);
        button.setToggleGroup(tools);
        button.setTooltip(new javafx.scene.control.Tooltip(tip));
        return button;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private void saveSnapshot() {
        Dialog<int[]> dialog = new Dialog<>();
        dialog.setTitle("Save the map as PNG");
        dialog.setHeaderText("Size of the image in pixels (the same area is shown at any size)");
        Spinner<Integer> width = new Spinner<>(200, 8000, 1600, 100);
        Spinner<Integer> height = new Spinner<>(200, 8000, 1000, 100);
        width.setEditable(true);
        height.setEditable(true);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Width"), width);
        grid.addRow(1, new Label("Height"), height);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK ? new int[] {width.getValue(), height.getValue()} : null);
        Optional<int[]> size = dialog.showAndWait();
        if (size.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the map as PNG");
        chooser.setInitialFileName("map.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            MapViewport view = viewport();
            viewModel.saveSnapshot(view, size.get()[0], size.get()[1], file.toPath(), saved -> { });
        }
    }

    private void editBasemap() {
        String[] current = viewModel.basemapSettings();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Basemap");
        dialog.setHeaderText("The offline basemap (Natural Earth) is always there. Optionally use a tile server or an\n"
                + "MBTiles file (raster) where they have tiles; tiles from a server are kept in the data folder's cache.");
        TextField url = new TextField(current[0]);
        url.setPromptText("https://tiles.example.org/{z}/{x}/{y}.png");
        url.setPrefColumnCount(40);
        TextField mbtiles = new TextField(current[1]);
        mbtiles.setPromptText("/path/to/basemap.mbtiles");
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MBTiles", "*.mbtiles"));
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                mbtiles.setText(file.getAbsolutePath());
            }
        });
        TextField credit = new TextField(current[2]);
        credit.setPromptText("© OpenStreetMap contributors");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Tile server URL"), url);
        grid.addRow(1, new Label("MBTiles file"), new HBox(6, mbtiles, browse));
        grid.addRow(2, new Label("Attribution"), credit);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
            viewModel.saveBasemapSettings(url.getText(), mbtiles.getText(), credit.getText(), error -> {
                if (error != null) {
                    Alert alert = new Alert(Alert.AlertType.ERROR, error);
                    alert.setHeaderText("The basemap settings were not saved");
                    alert.show();
                }
            });
        }
    }

    // ---- side panel: layers and details ---------------------------------------------------------------

    private Node sidePanel() {
        VBox panel = new VBox(6);
        panel.setId("map-layers");
        panel.setPadding(new Insets(8));
        panel.setPrefWidth(300);
        List<MapLayerState> states = new ArrayList<>(viewModel.layers());
        java.util.Collections.reverse(states);   // top layer first, as people read a layer list
        for (MapLayerState state : states) {
            panel.getChildren().add(layerControls(state));
        }
        panel.getChildren().add(detailsPane());
        Label status = new Label();
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        panel.getChildren().add(status);
        ScrollPane scroll = new ScrollPane(panel);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(320);
        return scroll;
    }

    private Node layerControls(MapLayerState state) {
        CheckBox toggle = new CheckBox(state.title());
        toggle.setId("map-layer-" + state.id().name().toLowerCase(java.util.Locale.ROOT));
        toggle.selectedProperty().bindBidirectional(state.visibleProperty());
        toggle.setStyle("-fx-font-weight: bold;");
        Slider opacity = new Slider(0, 1, state.opacityProperty().get());
        opacity.valueProperty().bindBidirectional(state.opacityProperty());
        opacity.setPrefWidth(120);
        Label opacityText = new Label();
        opacityText.textProperty().bind(Bindings.format("%.0f %%", state.opacityProperty().multiply(100)));
        HBox opacityRow = new HBox(6, new Label("Opacity"), opacity, opacityText);
        opacityRow.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label();
        note.textProperty().bind(state.noteProperty());
        note.setWrapText(true);
        note.setStyle("-fx-text-fill: #666666; -fx-font-size: 11px;");
        note.managedProperty().bind(state.noteProperty().isNotEmpty());
        VBox box = new VBox(4, toggle, opacityRow);
        if (state.id() == MapLayerState.Id.AREAS) {
            ComboBox<String> kind = new ComboBox<>(viewModel.areaKinds());
            kind.valueProperty().bindBidirectional(viewModel.areaKindProperty());
            ComboBox<AreaMeasure> measure = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(AreaMeasure.values()));
            measure.valueProperty().bindBidirectional(viewModel.areaMeasureProperty());
            measure.setConverter(converter(AreaMeasure::title));
            box.getChildren().addAll(new HBox(6, new Label("Areas"), kind), measure);
        } else if (viewModel.runs(state.id()) != null) {
            ComboBox<AnalysisRunInfo> run = new ComboBox<>(viewModel.runs(state.id()));
            run.valueProperty().bindBidirectional(viewModel.selectedRunProperty(state.id()));
            run.setConverter(converter(viewModel::describeRun));
            run.setMaxWidth(260);
            run.setPromptText("Latest run");
            box.getChildren().add(run);
        }
        box.getChildren().add(note);
        box.setPadding(new Insets(4, 0, 6, 0));
        box.setStyle("-fx-border-color: transparent transparent -color-border-default transparent;");
        return box;
    }

    private Node detailsPane() {
        Label text = new Label("Click an incident on the map (street zoom) to see it here.");
        text.setId("map-details");
        text.setWrapText(true);
        viewModel.detailsProperty().addListener((obs, old, row) -> text.setText(row == null
                ? "Click an incident on the map (street zoom) to see it here." : describe(row)));
        TitledPane pane = new TitledPane("Incident", text);
        pane.setCollapsible(false);
        return pane;
    }

    private String describe(IncidentRow row) {
        return String.join("\n",
                "Category: " + row.categoryCode() + " (" + row.categorySource() + ")",
                "Time: " + TIME.format(row.occurredAt().atZone(viewModel.zone())) + " (" + viewModel.zone().getId() + ")",
                "Address: " + (row.address() == null ? "—" : row.address()),
                "Location: " + (row.lon() == null ? "—" : String.format("%.5f, %.5f", row.lat(), row.lon())),
                "Source key: " + row.sourceKey(),
                row.timeFlag() == null ? "" : "Time flag: " + row.timeFlag()).strip();
    }

    // ---- time bar -------------------------------------------------------------------------------------

    private Node timeBar() {
        ComboBox<MapViewModel.TimeWindow> window = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                MapViewModel.TimeWindow.values()));
        window.setId("map-time-window");
        window.valueProperty().bindBidirectional(viewModel.windowProperty());
        Slider day = new Slider(0, 1, 1);
        day.setId("map-time-slider");
        day.setBlockIncrement(1);
        day.setMajorTickUnit(7);
        day.setSnapToTicks(false);
        HBox.setHgrow(day, Priority.ALWAYS);
        day.disableProperty().bind(viewModel.windowProperty().isEqualTo(MapViewModel.TimeWindow.ALL)
                .or(viewModel.firstDayProperty().isNull()));
        Runnable range = () -> {
            LocalDate first = viewModel.firstDayProperty().get();
            LocalDate last = viewModel.lastDayProperty().get();
            if (first != null && last != null) {
                day.setMax(Math.max(1, ChronoUnit.DAYS.between(first, last)));
            }
        };
        viewModel.firstDayProperty().addListener((obs, old, now) -> range.run());
        viewModel.lastDayProperty().addListener((obs, old, now) -> range.run());
        viewModel.windowEndProperty().addListener((obs, old, now) -> {
            LocalDate first = viewModel.firstDayProperty().get();
            if (first != null && now != null && !day.isValueChanging()) {
                day.setValue(ChronoUnit.DAYS.between(first, now));
            }
        });
        day.valueProperty().addListener((obs, old, now) -> {
            LocalDate first = viewModel.firstDayProperty().get();
            if (first != null) {
                LocalDate end = first.plusDays(Math.round(now.doubleValue()));
                if (!end.equals(viewModel.windowEndProperty().get())) {
                    viewModel.windowEndProperty().set(end);
                }
            }
        });
        Label text = new Label();
        text.setId("map-time-text");
        text.textProperty().bind(viewModel.windowTextProperty());
        text.setMinWidth(230);
        Button play = new Button();
        play.setId("map-play");
        play.textProperty().bind(Bindings.when(viewModel.playingProperty()).then("❚❚ Pause").otherwise("▶ Play"));
        play.setOnAction(e -> viewModel.togglePlay());
        ComboBox<MapViewModel.PlayStep> step = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(
                MapViewModel.PlayStep.values()));
        step.valueProperty().bindBidirectional(viewModel.playStepProperty());
        HBox bar = new HBox(8, new Label("Time"), window, day, text, play, step);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }
}
