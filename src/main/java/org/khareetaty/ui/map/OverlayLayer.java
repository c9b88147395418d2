package org.khareetaty.ui.map;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import org.khareetaty.map.MapSnapshotRenderer;
import org.khareetaty.map.MapViewport;
import org.khareetaty.map.PaintedLayer;
import org.khareetaty.map.TileQueue;
import org.khareetaty.map.WebMercator;

/**
 * Draws the analysis layers over Gluon's basemap. The layers are painted by the core painters into
 * 256-pixel tiles on the background executor and cached; a frame only copies cached tiles onto one
 * canvas (scaled between zoom levels), so frame time does not depend on how many incidents there are.
 * While the zoom rests the canvas holds a margin around the view, and a pan only moves the finished
 * picture until the view leaves it.
 * While a tile is being redrawn its previous picture, or a scaled parent tile, stands in for it.
 *
 * <p>It also keeps the frames cheap for JavaFX's renderer (ADR 0042): Gluon's basemap is held on whole
 * pixels (a fractional offset makes every tile be resampled each frame), and while the zoom changes the
 * basemap tiles and the overlay are scaled without smoothing, then drawn smooth again once the zoom rests.
 */
final class OverlayLayer extends MapLayer {

    private static final int CACHE_TILES = 600;
    private static final int MAX_TILE_ZOOM = 20;
    /** How long the zoom must rest before pictures are drawn smooth again. */
    private static final Duration ZOOM_SETTLE = Duration.millis(250);
    /**
     * Longest the zoom picture stays after the zoom rested, waiting for the basemap tiles asked for during the zoom
     * (on a cold tile cache, about a second for three levels).
     */
    private static final long TILES_AFTER_ZOOM_NANOS = 2_000_000_000L;
    /** Gluon shows the finer level from 0.2 below a whole zoom on (its BaseMap.TIPPING). */
    static final double GLUON_TIPPING = 0.2;
    /** Pixels drawn beyond each edge of the view while the zoom rests. */
    static final int PAN_MARGIN_PX = 256;

    /** The level of basemap tiles Gluon asks for at a zoom. */
    static int gluonLevel(double zoom) {
        return (int) Math.max(0, Math.min(MAX_TILE_ZOOM - 1, Math.floor(zoom + GLUON_TIPPING)));
    }

    /** A drawn tile: for which overlay version, and its image (null when the tile is empty). */
    private record Drawn(int version, Image image) {
    }

    private final MapView mapView;
    private final TileQueue<String> queue;
    private final TileQueue<String> basemapQueue;
    /** True while a zoom gesture holds both tile queues, and when they are to be released after the next drawing. */
    private boolean tilesHeld;
    private boolean releaseAfterDraw;
    private int tileHolds;
    /** Told whenever the view changes (also when first laid out). */
    private final Runnable viewChanged;
    /** Told on every frame in which the view moves or zooms from where it was. */
    private final Runnable moving;
    private final Canvas canvas = new Canvas();
    private final Map<String, Drawn> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Drawn> eldest) {
            return size() > CACHE_TILES;
        }
    };
    private List<PaintedLayer> layers = List.of();
    private int version;
    private MapViewport viewport;
    private long lastFrameNanos;
    private boolean complete;
    /** The (padded) view the canvas was last drawn for, and whether it must be drawn again. */
    private MapViewport drawn;
    private boolean redraw = true;
    private boolean smooth = true;
    private final PauseTransition zoomSettled = new PauseTransition(ZOOM_SETTLE);
    private final PauseTransition moveSettled = new PauseTransition(ZOOM_SETTLE);
    /** After a zoom rests: when (nanoTime), and a poll for its basemap tiles; 0 while zooming or at rest. */
    private long restingSince;
    private final PauseTransition tilesCheck = new PauseTransition(Duration.millis(50));
    /** The view the zoom picture was last drawn for. */
    private MapViewport zoomShownFor;
    /** While the zoom changes: the one picture scaled instead of the tiles, where it lies, and how often it was used. */
    private final ImageView zoomView = new ImageView();
    private ZoomPicture.Placement zoomPlacement;
    private int[] zoomPicture;
    /** The screen's pixels during a zoom, drawn from the zoom picture each frame and shown unscaled. */
    private PixelBuffer<IntBuffer> zoomScreen;
    private int zoomPictures;
    /** How often the whole picture was drawn, and how many tiles were drawn into it as they arrived (for tests). */
    private int wholeDraws;
    private int tilesDrawnInPlace;

    OverlayLayer(MapView mapView, TileQueue<String> queue, TileQueue<String> basemapQueue, Runnable viewChanged, Runnable moving) {
        this.mapView = mapView;
        this.queue = queue;
        this.basemapQueue = basemapQueue;
        this.viewChanged = viewChanged;
        this.moving = moving;
        canvas.setMouseTransparent(true);
        zoomView.setSmooth(false);
        zoomView.setVisible(false);
        getChildren().addAll(zoomView, canvas);
        setMouseTransparent(true);
        zoomSettled.setOnFinished(e -> {
            // The zoom rests: the basemap tiles of its level are drawn now, and the picture stays until they are in
            // hand (at most a second), so no frame resamples Gluon's coarser tiles in between.
            restingSince = System.nanoTime();
            basemapQueue.release();
            releaseAfterDraw = tilesHeld;
            markDirty();
            tilesCheck.playFromStart();
        });
        tilesCheck.setOnFinished(e -> {
            if (restingSince != 0) {
                markDirty();
                tilesCheck.playFromStart();
            }
        });
        moveSettled.setOnFinished(e -> {
            queue.limitWorkers(Integer.MAX_VALUE);
            basemapQueue.limitWorkers(Integer.MAX_VALUE);
        });
        mapView.getChildrenUnmodifiable().stream().filter(Group.class::isInstance).forEach(OverlayLayer::keepOnWholePixels);
    }

    /** Composes the picture of the view the zoom starts from, from the tiles drawn lately. */
    private void startZoomPicture(MapViewport from) {
        ZoomPicture.Placement at = ZoomPicture.Placement.of(from);
        AppTileRetriever retriever = AppTileRetriever.installed();
        int[] picture = ZoomPicture.compose(at, key -> ZoomPicture.pixels(retriever.recent(key)), key -> {
            Drawn tile = cache.get(key);
            return tile == null ? null : ZoomPicture.pixels(tile.image());
        });
        zoomPlacement = at;
        zoomPicture = picture;
        zoomPictures++;
        zoomView.setVisible(true);
        canvas.setVisible(false);
        setBasemapTilesVisible(false);
    }

    private void endZoomPicture() {
        zoomPlacement = null;
        zoomPicture = null;
        zoomScreen = null;
        zoomShownFor = null;
        zoomView.setImage(null);
        zoomView.setVisible(false);
        canvas.setVisible(true);
        setBasemapTilesVisible(true);
    }

    private void setBasemapTilesVisible(boolean visible) {
        mapView.getChildrenUnmodifiable().stream().filter(Group.class::isInstance).forEach(tiles -> tiles.setVisible(visible));
    }

    /** How many zoom gestures were shown with one composed picture (for tests). */
    int zoomPictures() {
        return zoomPictures;
    }

    int wholeDraws() {
        return wholeDraws;
    }

    int tilesDrawnInPlace() {
        return tilesDrawnInPlace;
    }

    /** Rounds the offset Gluon gives its tile group, so tiles are copied rather than resampled. */
    static void keepOnWholePixels(Node tiles) {
        tiles.translateXProperty().addListener((obs, old, now) -> {
            double whole = Math.rint(now.doubleValue());
            if (whole != now.doubleValue()) {
                tiles.setTranslateX(whole);
            }
        });
        tiles.translateYProperty().addListener((obs, old, now) -> {
            double whole = Math.rint(now.doubleValue());
            if (whole != now.doubleValue()) {
                tiles.setTranslateY(whole);
            }
        });
        tiles.setTranslateX(Math.rint(tiles.getTranslateX()));
        tiles.setTranslateY(Math.rint(tiles.getTranslateY()));
    }

    /** True while pictures are drawn smooth (the zoom is at rest). */
    boolean smooth() {
        return smooth;
    }

    /** Smooth (bilinear) or fast (nearest pixel) scaling of the basemap tiles and the overlay. */
    private void setSmooth(boolean on) {
        smooth = on;
        for (Node child : mapView.getChildrenUnmodifiable()) {
            if (child instanceof Group tiles) {
                for (Node tile : tiles.getChildren()) {
                    if (tile instanceof Parent parent) {
                        parent.getChildrenUnmodifiable().stream().filter(ImageView.class::isInstance)
                                .forEach(view -> ((ImageView) view).setSmooth(on));
                    }
                }
            }
        }
    }

    /** New layers or opacity: tiles are redrawn, the old pictures stay until the new ones arrive. */
    void show(List<PaintedLayer> newLayers, int newVersion) {
        layers = List.copyOf(newLayers);
        version = newVersion;
        redraw = true;
        // Not complete until a frame has drawn the new version's tiles (the benchmark and tests wait on this).
        complete = layers.isEmpty();
        markDirty();
    }

    /** The viewport of the last frame, as Gluon shows it; null before the first layout. */
    MapViewport viewport() {
        return viewport;
    }

    /** True when the last frame drew every visible tile in its current version. */
    boolean complete() {
        return complete;
    }

    /** Nanoseconds the last frame's overlay drawing took (for the benchmark). */
    long lastFrameNanos() {
        return lastFrameNanos;
    }

    /** Gluon's current view, derived from where it puts two points, so it matches Gluon's projection exactly. */
    MapViewport currentViewport() {
        int width = (int) Math.max(1, Math.round(mapView.getWidth()));
        int height = (int) Math.max(1, Math.round(mapView.getHeight()));
        double lat = mapView.getCenter().getLatitude();
        double lon = mapView.getCenter().getLongitude();
        Point2D a = getMapPoint(lat, lon);
        Point2D b = getMapPoint(lat, lon + 0.01);
        if (a == null || b == null) {
            return null;
        }
        double worldSize = (b.getX() - a.getX()) / (WebMercator.x(lon + 0.01) - WebMercator.x(lon));
        if (!(worldSize > 0) || !Double.isFinite(worldSize)) {
            return null;
        }
        double originX = WebMercator.x(lon) * worldSize - a.getX();
        double originY = WebMercator.y(lat) * worldSize - a.getY();
        double zoom = Math.log(worldSize / WebMercator.TILE_SIZE) / Math.log(2);
        double centreLon = WebMercator.lon((originX + width / 2.0) / worldSize);
        double centreLat = WebMercator.lat((originY + height / 2.0) / worldSize);
        return new MapViewport(centreLon, centreLat, zoom, width, height);
    }

    @Override
    protected void layoutLayer() {
        long started = System.nanoTime();
        MapViewport view = currentViewport();
        if (view == null) {
            return;
        }
        if (viewport != null && viewport.zoom() != view.zoom()) {
            // Zooming: scale one picture of what was there (or, without one, the tiles, fast), redraw once it rests.
            setSmooth(false);
            zoomSettled.playFromStart();
            restingSince = 0;
            holdTiles();
            if (zoomPlacement == null) {
                startZoomPicture(viewport);
            }
        }
        if (!view.equals(viewport)) {
            viewChanged.run();
            if (viewport != null) {
                // Moving: one overlay and one basemap tile at a time until the view rests, so the frames keep a core.
                queue.limitWorkers(1);
                basemapQueue.limitWorkers(1);
                moveSettled.playFromStart();
                moving.run();
            }
        }
        viewport = view;
        if (zoomPlacement != null) {
            // Until every basemap tile asked for is drawn, not only the new level's on screen: Gluon keeps a coarser
            // tile on screen, scaled, while a finer one it covers is loading, and the levels the zoom passed through
            // are drawn after the new one (on a cold cache, 15–30 ms of rendering a frame for up to a second).
            if (restingSince == 0 || System.nanoTime() - restingSince < TILES_AFTER_ZOOM_NANOS
                    && (!basemapTilesReady(view) || basemapQueue.waiting() > 0)) {
                if (!view.equals(zoomShownFor)) {
                    showZoomPicture(view);
                }
                lastFrameNanos = System.nanoTime() - started;
                return;
            }
            restingSince = 0;
            endZoomPicture();
            setSmooth(true);
            redraw = true;
        }
        if (!redraw && drawn != null && drawn.zoom() == view.zoom() && covers(drawn, view)) {
            // A pan within the margin: move the picture, draw nothing (tiles still missing are drawn into it as they come).
            canvas.setTranslateX(Math.rint(drawn.originX() - view.originX()));
            canvas.setTranslateY(Math.rint(drawn.originY() - view.originY()));
            complete = visibleTilesCurrent(view);
        } else {
            draw(view);
        }
        if (releaseAfterDraw) {
            // After the drawing at rest dropped the overlay tiles no longer wanted: the resting view's tiles come first.
            releaseAfterDraw = false;
            tilesHeld = false;
            queue.release();
            basemapQueue.release();
        }
        lastFrameNanos = System.nanoTime() - started;
    }

    /**
     * While the zoom changes, neither basemap nor overlay tiles are drawn (ADR 0045): the zoom picture stands in, and
     * drawing the tiles of every level passed through took the CPU from the frames of the gesture.
     */
    private void holdTiles() {
        if (!tilesHeld) {
            tilesHeld = true;
            tileHolds++;
            queue.hold();
            basemapQueue.hold();
        }
    }

    /** Draws the zoom picture as it appears in the view into the screen-sized image the zoom view shows. */
    private void showZoomPicture(MapViewport view) {
        if (zoomScreen == null || zoomScreen.getWidth() != view.width() || zoomScreen.getHeight() != view.height()) {
            zoomScreen = new PixelBuffer<>(view.width(), view.height(), IntBuffer.allocate(view.width() * view.height()),
                    PixelFormat.getIntArgbPreInstance());
            zoomView.setImage(new WritableImage(zoomScreen));
        }
        zoomPlacement.drawInto(zoomPicture, view, zoomScreen.getBuffer().array());
        zoomScreen.updateBuffer(buffer -> null);
        zoomShownFor = view;
    }

    /** True when every basemap tile of the level Gluon shows for this view has been served (so Gluon shows it whole). */
    private boolean basemapTilesReady(MapViewport view) {
        AppTileRetriever retriever = AppTileRetriever.installed();
        return everyTileOnScreen(view, gluonLevel(view.zoom()), key -> retriever.recent(key) != null);
    }

    /** Whether {@code ready} holds for the key ("z/x/y") of every level-{@code z} tile the view shows. */
    private static boolean everyTileOnScreen(MapViewport view, int z, java.util.function.Predicate<String> ready) {
        double tilePx = WebMercator.TILE_SIZE * view.worldSize() / WebMercator.worldSize(z);
        long n = 1L << z;
        long y0 = Math.max(0, (long) Math.floor(view.originY() / tilePx));
        long y1 = Math.min(n - 1, (long) Math.floor((view.originY() + view.height()) / tilePx));
        for (long ty = y0; ty <= y1; ty++) {
            for (long tx = (long) Math.floor(view.originX() / tilePx); tx <= (long) Math.floor((view.originX() + view.width()) / tilePx); tx++) {
                if (!ready.test(z + "/" + Math.floorMod(tx, n) + "/" + ty)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True while a zoom gesture holds the tile queues, and how many gestures held them (for tests). */
    boolean tilesHeld() {
        return tilesHeld;
    }

    int tileHolds() {
        return tileHolds;
    }

    /** Draws the picture for the view, with a margin around it while the zoom rests (so pans only move it). */
    private void draw(MapViewport view) {
        wholeDraws++;
        int margin = smooth ? PAN_MARGIN_PX : 0;
        MapViewport padded = view.withSize(view.width() + 2 * margin, view.height() + 2 * margin);
        redraw = false;
        drawn = padded;
        if (canvas.getWidth() != padded.width() || canvas.getHeight() != padded.height()) {
            canvas.setWidth(padded.width());
            canvas.setHeight(padded.height());
        }
        canvas.setTranslateX(Math.rint(padded.originX() - view.originX()));
        canvas.setTranslateY(Math.rint(padded.originY() - view.originY()));
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setImageSmoothing(smooth);
        gc.clearRect(0, 0, padded.width(), padded.height());
        complete = layers.isEmpty();
        if (!layers.isEmpty()) {
            drawTiles(gc, padded, view);
        }
    }

    private static boolean covers(MapViewport outer, MapViewport inner) {
        return inner.originX() >= outer.originX() && inner.originY() >= outer.originY()
                && inner.originX() + inner.width() <= outer.originX() + outer.width()
                && inner.originY() + inner.height() <= outer.originY() + outer.height();
    }

    /**
     * Draws the cached tiles of {@code view} (the padded picture) and asks for the missing ones: those on
     * screen last, so they are drawn first (the queue takes the newest first). Complete means every tile on
     * {@code visible} is current.
     */
    private void drawTiles(GraphicsContext gc, MapViewport view, MapViewport visible) {
        int z = tileLevel(view);
        double tilePx = WebMercator.TILE_SIZE * view.worldSize() / WebMercator.worldSize(z);
        long n = 1L << z;
        long x0 = (long) Math.floor(view.originX() / tilePx);
        long x1 = (long) Math.floor((view.originX() + view.width()) / tilePx);
        long y0 = Math.max(0, (long) Math.floor(view.originY() / tilePx));
        long y1 = Math.min(n - 1, (long) Math.floor((view.originY() + view.height()) / tilePx));
        Set<String> wanted = new HashSet<>();
        List<long[]> missingOnScreen = new java.util.ArrayList<>();
        complete = true;
        for (long ty = y0; ty <= y1; ty++) {
            for (long tx = x0; tx <= x1; tx++) {
                long wrappedX = Math.floorMod(tx, n);
                String key = z + "/" + wrappedX + "/" + ty;
                double sx = tx * tilePx - view.originX();
                double sy = ty * tilePx - view.originY();
                Drawn tile = cache.get(key);
                if (tile == null || tile.version() != version) {
                    wanted.add(key + "@" + version);
                    boolean onScreen = tx * tilePx < visible.originX() + visible.width() && (tx + 1) * tilePx > visible.originX()
                            && ty * tilePx < visible.originY() + visible.height() && (ty + 1) * tilePx > visible.originY();
                    if (onScreen) {
                        complete = false;
                        missingOnScreen.add(new long[] {wrappedX, ty});
                    } else {
                        request(key, z, wrappedX, ty);
                    }
                }
                if (tile != null) {
                    if (tile.image() != null) {
                        // Whole pixels, so neighbouring tiles meet without a hairline gap.
                        double left = Math.floor(sx);
                        double top = Math.floor(sy);
                        gc.drawImage(tile.image(), left, top, Math.floor(sx + tilePx) - left, Math.floor(sy + tilePx) - top);
                    }
                } else {
                    drawFromParent(gc, z, wrappedX, ty, sx, sy, tilePx);
                }
            }
        }
        for (long[] tile : missingOnScreen) {
            request(z + "/" + tile[0] + "/" + tile[1], z, tile[0], tile[1]);
        }
        queue.retainOnly(wanted::contains);
    }

    /** Stands in for a missing tile with the matching quarter (or smaller part) of a cached coarser tile. */
    private void drawFromParent(GraphicsContext gc, int z, long x, long y, double sx, double sy, double tilePx) {
        for (int up = 1; up <= 4 && z - up >= 0; up++) {
            Drawn parent = cache.get((z - up) + "/" + (x >> up) + "/" + (y >> up));
            if (parent == null) {
                continue;
            }
            if (parent.image() != null) {
                double part = WebMercator.TILE_SIZE / (double) (1 << up);
                double px = (x - ((x >> up) << up)) * part;
                double py = (y - ((y >> up) << up)) * part;
                double left = Math.floor(sx);
                double top = Math.floor(sy);
                gc.drawImage(parent.image(), px, py, part, part, left, top, Math.floor(sx + tilePx) - left, Math.floor(sy + tilePx) - top);
            }
            return;
        }
    }

    private void request(String key, int z, long x, long y) {
        int forVersion = version;
        List<PaintedLayer> forLayers = layers;
        queue.request(key + "@" + forVersion, () -> renderTile(forLayers, z, x, y)).thenAccept(image ->
                Platform.runLater(() -> {
                    Drawn current = cache.get(key);
                    if (forVersion == version || current == null || current.version() < forVersion) {
                        Drawn arrived = new Drawn(forVersion, image.orElse(null));
                        cache.put(key, arrived);
                        if (!drawInPlace(arrived, z, x, y)) {
                            redraw = true;
                            markDirty();
                        }
                    }
                }));
    }

    /**
     * Draws a tile that arrived into the picture on the canvas, when the canvas shows its zoom level and version:
     * one tile is painted instead of the whole picture again (a frame stays cheap while tiles come in during a pan).
     */
    private boolean drawInPlace(Drawn arrived, int z, long x, long y) {
        if (redraw || zoomPlacement != null || drawn == null || viewport == null || drawn.zoom() != viewport.zoom()
                || arrived.version() != version || z != tileLevel(drawn)) {
            return false;
        }
        double tilePx = WebMercator.TILE_SIZE * drawn.worldSize() / WebMercator.worldSize(z);
        long n = 1L << z;
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.setImageSmoothing(smooth);
        // The world repeats east and west: the tile may be on the canvas once or, far out, more than once.
        long first = (long) Math.floor(drawn.originX() / tilePx);
        long last = (long) Math.floor((drawn.originX() + drawn.width()) / tilePx);
        for (long tx = first; tx <= last; tx++) {
            if (Math.floorMod(tx, n) != x) {
                continue;
            }
            double sx = tx * tilePx - drawn.originX();
            double sy = y * tilePx - drawn.originY();
            double left = Math.floor(sx);
            double top = Math.floor(sy);
            double width = Math.floor(sx + tilePx) - left;
            double height = Math.floor(sy + tilePx) - top;
            gc.clearRect(left, top, width, height);
            if (arrived.image() != null) {
                gc.drawImage(arrived.image(), left, top, width, height);
            }
        }
        tilesDrawnInPlace++;
        complete = visibleTilesCurrent(viewport);
        return true;
    }

    private static int tileLevel(MapViewport view) {
        return (int) Math.max(0, Math.min(MAX_TILE_ZOOM, Math.round(view.zoom())));
    }

    /** True when every tile on screen is drawn in the current version. */
    private boolean visibleTilesCurrent(MapViewport view) {
        if (layers.isEmpty()) {
            return true;
        }
        return everyTileOnScreen(view, tileLevel(view), key -> {
            Drawn tile = cache.get(key);
            return tile != null && tile.version() == version;
        });
    }

    /** Paints the layers into one tile; empty when nothing of them falls on it. */
    static java.util.Optional<Image> renderTile(List<PaintedLayer> layers, int z, long x, long y) {
        MapViewport tile = MapViewport.ofTile(z, x, y);
        BufferedImage image = new BufferedImage(WebMercator.TILE_SIZE, WebMercator.TILE_SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            for (PaintedLayer layer : layers) {
                MapSnapshotRenderer.paintLayer(g, layer, tile);
            }
        } finally {
            g.dispose();
        }
        for (int pixel : ((DataBufferInt) image.getRaster().getDataBuffer()).getData()) {
            if (pixel != 0) {
                return java.util.Optional.of(FxImages.toFx(image));
            }
        }
        return java.util.Optional.empty();
    }
}
