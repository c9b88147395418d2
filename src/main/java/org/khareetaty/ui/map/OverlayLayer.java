package org.khareetaty.ui.map;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import org.khareetaty.map.MapSnapshotRenderer;
import org.khareetaty.map.MapViewport;
import org.khareetaty.map.PaintedLayer;
import org.khareetaty.map.TileQueue;
import org.khareetaty.map.WebMercator;

/**
 * Draws the analysis layers over Gluon's basemap. The layers are painted by the core painters into
 * 256-pixel tiles on the background executor and cached; a frame only copies cached tiles onto one
 * canvas (scaled between zoom levels), so frame time does not depend on how many incidents there are.
 * While a tile is being redrawn its previous picture, or a scaled parent tile, stands in for it.
 */
final class OverlayLayer extends MapLayer {

    private static final int CACHE_TILES = 600;
    private static final int MAX_TILE_ZOOM = 20;

    /** A drawn tile: for which overlay version, and its image (null when the tile is empty). */
    private record Drawn(int version, Image image) {
    }

    private final MapView mapView;
    private final TileQueue<String> queue;
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

    OverlayLayer(MapView mapView, TileQueue<String> queue) {
        this.mapView = mapView;
        this.queue = queue;
        canvas.setMouseTransparent(true);
        getChildren().add(canvas);
        setMouseTransparent(true);
    }

    /** New layers or opacity: tiles are redrawn, the old pictures stay until the new ones arrive. */
    void show(List<PaintedLayer> newLayers, int newVersion) {
        layers = List.copyOf(newLayers);
        version = newVersion;
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
        viewport = view;
        if (canvas.getWidth() != view.width() || canvas.getHeight() != view.height()) {
            canvas.setWidth(view.width());
            canvas.setHeight(view.height());
        }
        GraphicsContext gc = canvas.getGraphicsContext2D();
        gc.clearRect(0, 0, view.width(), view.height());
        complete = layers.isEmpty();
        if (!layers.isEmpty()) {
            drawTiles(gc, view);
        }
        lastFrameNanos = System.nanoTime() - started;
    }

    private void drawTiles(GraphicsContext gc, MapViewport view) {
        int z = (int) Math.max(0, Math.min(MAX_TILE_ZOOM, Math.round(view.zoom())));
        double tilePx = WebMercator.TILE_SIZE * view.worldSize() / WebMercator.worldSize(z);
        long n = 1L << z;
        long x0 = (long) Math.floor(view.originX() / tilePx);
        long x1 = (long) Math.floor((view.originX() + view.width()) / tilePx);
        long y0 = Math.max(0, (long) Math.floor(view.originY() / tilePx));
        long y1 = Math.min(n - 1, (long) Math.floor((view.originY() + view.height()) / tilePx));
        Set<String> wanted = new HashSet<>();
        complete = true;
        for (long ty = y0; ty <= y1; ty++) {
            for (long tx = x0; tx <= x1; tx++) {
                long wrappedX = Math.floorMod(tx, n);
                String key = z + "/" + wrappedX + "/" + ty;
                double sx = tx * tilePx - view.originX();
                double sy = ty * tilePx - view.originY();
                Drawn drawn = cache.get(key);
                if (drawn == null || drawn.version() != version) {
                    complete = false;
                    wanted.add(key + "@" + version);
                    request(key, z, wrappedX, ty);
                }
                if (drawn != null) {
                    if (drawn.image() != null) {
                        // Whole pixels, so neighbouring tiles meet without a hairline gap.
                        double left = Math.floor(sx);
                        double top = Math.floor(sy);
                        gc.drawImage(drawn.image(), left, top, Math.floor(sx + tilePx) - left, Math.floor(sy + tilePx) - top);
                    }
                } else {
                    drawFromParent(gc, z, wrappedX, ty, sx, sy, tilePx);
                }
            }
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
                        cache.put(key, new Drawn(forVersion, image.orElse(null)));
                        markDirty();
                    }
                }));
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
