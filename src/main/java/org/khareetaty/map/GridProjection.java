package org.khareetaty.map;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the planar coordinates of a stored raster ({@code grid_result.crs}) back into longitude/latitude.
 * Understands what the analyses write: "EPSG:4326", "EPSG:3857", UTM on WGS 84 ("EPSG:326zz" / "EPSG:327zz",
 * optionally followed by a name) and "Local transverse Mercator on WGS 84, central meridian X°".
 * Transverse Mercator uses Krüger's series (third order in n), accurate to millimetres in a zone.
 */
public final class GridProjection {

    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double N = F / (2 - F);
    private static final double RECTIFYING_RADIUS = A / (1 + N) * (1 + N * N / 4 + N * N * N * N / 64);
    private static final double[] BETA = {
        N / 2 - 2 * N * N / 3 + 37 * N * N * N / 96,
        N * N / 48 + N * N * N / 15,
        17 * N * N * N / 480};
    private static final double[] DELTA = {
        2 * N - 2 * N * N / 3 - 2 * N * N * N,
        7 * N * N / 3 - 8 * N * N * N / 5,
        56 * N * N * N / 15};
    private static final Pattern EPSG = Pattern.compile("^\\s*EPSG:(\\d+)");
    private static final Pattern MERIDIAN = Pattern.compile("central meridian\\s*(-?[0-9.]+)");

    private enum Kind { GEOGRAPHIC, WEB_MERCATOR, TRANSVERSE_MERCATOR }

    private final Kind kind;
    private final double centralMeridian;
    private final double scale;
    private final double falseEasting;
    private final double falseNorthing;

    private GridProjection(Kind kind, double centralMeridian, double scale, double falseEasting, double falseNorthing) {
        this.kind = kind;
        this.centralMeridian = centralMeridian;
        this.scale = scale;
        this.falseEasting = falseEasting;
        this.falseNorthing = falseNorthing;
    }

    /** Parses a CRS description; throws with the text when it is not one the map can draw. */
    public static GridProjection parse(String crs) {
        Matcher epsg = EPSG.matcher(crs);
        if (epsg.find()) {
            int code = Integer.parseInt(epsg.group(1));
            if (code == 4326) {
                return new GridProjection(Kind.GEOGRAPHIC, 0, 1, 0, 0);
            }
            if (code == 3857 || code == 900913) {
                return new GridProjection(Kind.WEB_MERCATOR, 0, 1, 0, 0);
            }
            if (code > 32600 && code <= 32660 || code > 32700 && code <= 32760) {
                int zone = code % 100;
                boolean north = code < 32700;
                return new GridProjection(Kind.TRANSVERSE_MERCATOR, zone * 6.0 - 183.0, 0.9996, 500_000, north ? 0 : 10_000_000);
            }
        }
        Matcher meridian = MERIDIAN.matcher(crs.toLowerCase(Locale.ROOT));
        if (crs.toLowerCase(Locale.ROOT).contains("transverse mercator") && meridian.find()) {
            return new GridProjection(Kind.TRANSVERSE_MERCATOR, Double.parseDouble(meridian.group(1)), 1.0, 0, 0);
        }
        throw new IllegalArgumentException("The map cannot draw a grid in the coordinate system '" + crs + "'");
    }

    /** Longitude and latitude (degrees) of a planar point, written into {@code out[0..1]}. */
    public void toLonLat(double x, double y, double[] out) {
        switch (kind) {
            case GEOGRAPHIC -> {
                out[0] = x;
                out[1] = y;
            }
            case WEB_MERCATOR -> {
                out[0] = WebMercator.lonFromMetres(x);
                out[1] = WebMercator.latFromMetres(y);
            }
            case TRANSVERSE_MERCATOR -> inverseTransverseMercator(x, y, out);
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private void inverseTransverseMercator(double easting, double northing, double[] out) {
        double xi = (northing - falseNorthing) / (scale * RECTIFYING_RADIUS);
        double eta = (easting - falseEasting) / (scale * RECTIFYING_RADIUS);
        double xiPrime = xi;
        double etaPrime = eta;
        for (int j = 1; j <= 3; j++) {
            xiPrime -= BETA[j - 1] * Math.sin(2 * j * xi) * Math.cosh(2 * j * eta);
            etaPrime -= BETA[j - 1] * Math.cos(2 * j * xi) * Math.sinh(2 * j * eta);
        }
        double chi = Math.asin(Math.sin(xiPrime) / Math.cosh(etaPrime));
        double phi = chi;
        for (int j = 1; j <= 3; j++) {
            phi += DELTA[j - 1] * Math.sin(2 * j * chi);
        }
        out[0] = centralMeridian + Math.toDegrees(Math.atan2(Math.sinh(etaPrime), Math.cos(xiPrime)));
        out[1] = Math.toDegrees(phi);
    }
}
