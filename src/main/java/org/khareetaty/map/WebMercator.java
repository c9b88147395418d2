package org.khareetaty.map;

/**
 * Spherical Web Mercator (EPSG:3857) as used by every slippy map: longitude/latitude to a normalised
 * world square [0, 1] x [0, 1] (x east, y south), and tile arithmetic. At zoom z the world is
 * {@code 256 * 2^z} pixels wide.
 */
public final class WebMercator {

    public static final int TILE_SIZE = 256;
    public static final double MAX_LATITUDE = 85.0511287798066;
    private static final double EARTH_RADIUS_M = 6_378_137.0;

    private WebMercator() {
    }

    public static double x(double lon) {
        return (lon + 180.0) / 360.0;
    }

    public static double y(double lat) {
        double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
        double sin = Math.sin(Math.toRadians(clamped));
        return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
    }

    public static double lon(double x) {
        return x * 360.0 - 180.0;
    }

    public static double lat(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))));
    }

    /** World width in pixels at a (possibly fractional) zoom. */
    public static double worldSize(double zoom) {
        return TILE_SIZE * Math.pow(2, zoom);
    }

    /** Ground metres per pixel at a latitude and zoom. */
    public static double metresPerPixel(double lat, double zoom) {
        return 2 * Math.PI * EARTH_RADIUS_M * Math.cos(Math.toRadians(lat)) / worldSize(zoom);
    }

    /** EPSG:3857 easting/northing in metres to longitude/latitude. */
    public static double lonFromMetres(double easting) {
        return Math.toDegrees(easting / EARTH_RADIUS_M);
    }

    public static double latFromMetres(double northing) {
        return Math.toDegrees(Math.atan(Math.sinh(northing / EARTH_RADIUS_M)));
    }
}
