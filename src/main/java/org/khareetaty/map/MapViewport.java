package org.khareetaty.map;

import org.khareetaty.common.IncidentFilter.BoundingBox;

/**
 * What a map shows: a centre, a (fractional) Web Mercator zoom and a size in pixels. Converts between
 * longitude/latitude and pixel positions inside the view; immutable, so a background renderer can
 * keep the viewport it was asked for while the user pans on.
 */
public record MapViewport(double centerLon, double centerLat, double zoom, int width, int height) {

    public static final double MIN_ZOOM = 0;
    public static final double MAX_ZOOM = 20;

    public MapViewport {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A map view needs a positive size, not " + width + " x " + height);
        }
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        centerLat = Math.max(-WebMercator.MAX_LATITUDE, Math.min(WebMercator.MAX_LATITUDE, centerLat));
    }

    /** The view of one 256-pixel tile {@code (z, tileX, tileY)}. */
    public static MapViewport ofTile(int z, long tileX, long tileY) {
        double n = Math.pow(2, z);
        double cx = (tileX + 0.5) / n;
        double cy = (tileY + 0.5) / n;
        return new MapViewport(WebMercator.lon(cx), WebMercator.lat(cy), z, WebMercator.TILE_SIZE, WebMercator.TILE_SIZE);
    }

    /** The largest zoom (up to {@code maxZoom}) at which the box fits with a margin of {@code paddingPx}. */
    public static MapViewport fit(BoundingBox box, int width, int height, int paddingPx, double maxZoom) {
        double x0 = WebMercator.x(box.minLon());
        double x1 = WebMercator.x(box.maxLon());
        double y0 = WebMercator.y(box.maxLat());
        double y1 = WebMercator.y(box.minLat());
        double spanX = Math.max(x1 - x0, 1e-9);
        double spanY = Math.max(y1 - y0, 1e-9);
        double usableW = Math.max(1, width - 2.0 * paddingPx);
        double usableH = Math.max(1, height - 2.0 * paddingPx);
        double zoom = Math.min(log2(usableW / (spanX * WebMercator.TILE_SIZE)), log2(usableH / (spanY * WebMercator.TILE_SIZE)));
        zoom = Math.min(maxZoom, zoom);
        return new MapViewport(WebMercator.lon((x0 + x1) / 2), WebMercator.lat((y0 + y1) / 2), zoom, width, height);
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }

    public double worldSize() {
        return WebMercator.worldSize(zoom);
    }

    /** World pixel of the view's left edge. */
    public double originX() {
        return WebMercator.x(centerLon) * worldSize() - width / 2.0;
    }

    public double originY() {
        return WebMercator.y(centerLat) * worldSize() - height / 2.0;
    }

    /** Pixel column of a normalised Web Mercator x. */
    public double screenXOfNorm(double normX) {
        return normX * worldSize() - originX();
    }

    public double screenYOfNorm(double normY) {
        return normY * worldSize() - originY();
    }

    public double screenX(double lon) {
        return screenXOfNorm(WebMercator.x(lon));
    }

    public double screenY(double lat) {
        return screenYOfNorm(WebMercator.y(lat));
    }

    public double lonAt(double screenX) {
        return WebMercator.lon((screenX + originX()) / worldSize());
    }

    public double latAt(double screenY) {
        return WebMercator.lat((screenY + originY()) / worldSize());
    }

    /** The longitude/latitude rectangle the view covers. */
    public BoundingBox bounds() {
        return new BoundingBox(lonAt(0), latAt(height), lonAt(width), latAt(0));
    }

    public double metresPerPixel() {
        return WebMercator.metresPerPixel(centerLat, zoom);
    }

    public MapViewport withCenter(double lon, double lat) {
        return new MapViewport(lon, lat, zoom, width, height);
    }

    public MapViewport withZoom(double newZoom) {
        return new MapViewport(centerLon, centerLat, newZoom, width, height);
    }

    public MapViewport withSize(int newWidth, int newHeight) {
        return new MapViewport(centerLon, centerLat, zoom, newWidth, newHeight);
    }

    /** Moved by a number of pixels (positive dx pans east, positive dy south). */
    public MapViewport panBy(double dx, double dy) {
        double size = worldSize();
        double nx = WebMercator.x(centerLon) + dx / size;
        double ny = WebMercator.y(centerLat) + dy / size;
        nx = nx - Math.floor(nx);
        return withCenter(WebMercator.lon(nx), WebMercator.lat(Math.max(0, Math.min(1, ny))));
    }

    /** Zoomed by {@code delta} levels keeping the point under pixel (px, py) in place. */
    public MapViewport zoomAround(double delta, double px, double py) {
        double lon = lonAt(px);
        double lat = latAt(py);
        MapViewport zoomed = withZoom(zoom + delta);
        double size = zoomed.worldSize();
        double cx = WebMercator.x(lon) * size - (px - width / 2.0);
        double cy = WebMercator.y(lat) * size - (py - height / 2.0);
        return zoomed.withCenter(WebMercator.lon(cx / size), WebMercator.lat(Math.max(0, Math.min(1, cy / size))));
    }
}
