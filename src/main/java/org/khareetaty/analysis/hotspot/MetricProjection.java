package org.khareetaty.analysis.hotspot;

/**
 * A transverse Mercator projection on WGS 84 that turns longitude/latitude into metres, so that
 * distances, bandwidths and areas are in metres. Uses Krüger's series to third order in n (accurate to
 * well under a millimetre within a UTM zone). {@link #forExtent} picks the UTM zone of the data's centre
 * when the data fit the zone, and otherwise a local transverse Mercator centred on the data.
 */
public final class MetricProjection {

    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double N = F / (2 - F);
    private static final double RECTIFYING_RADIUS = A / (1 + N) * (1 + N * N / 4 + N * N * N * N / 64);
    private static final double ECC = 2 * Math.sqrt(N) / (1 + N);
    private static final double[] ALPHA = {
        N / 2 - 2 * N * N / 3 + 5 * N * N * N / 16,
        13 * N * N / 48 - 3 * N * N * N / 5,
        61 * N * N * N / 240};
    private static final double[] BETA = {
        N / 2 - 2 * N * N / 3 + 37 * N * N * N / 96,
        N * N / 48 + N * N * N / 15,
        17 * N * N * N / 480};
    private static final double[] DELTA = {
        2 * N - 2 * N * N / 3 - 2 * N * N * N,
        7 * N * N / 3 - 8 * N * N * N / 5,
        56 * N * N * N / 15};
    /** Data may reach this far (degrees) past the edge of a 6° UTM zone before a local projection is used. */
    private static final double ZONE_MARGIN_DEGREES = 3;

    private final String name;
    private final String code;
    private final double centralMeridian;
    private final double scale;
    private final double falseEasting;
    private final double falseNorthing;

    private MetricProjection(String name, String code, double centralMeridian, double scale,
            double falseEasting, double falseNorthing) {
        this.name = name;
        this.code = code;
        this.centralMeridian = centralMeridian;
        this.scale = scale;
        this.falseEasting = falseEasting;
        this.falseNorthing = falseNorthing;
    }

    /** UTM zone 1–60, north or south hemisphere (EPSG:326zz / 327zz). */
    public static MetricProjection utm(int zone, boolean north) {
        if (zone < 1 || zone > 60) {
            throw new IllegalArgumentException("UTM zone must be 1..60, not " + zone);
        }
        int epsg = (north ? 32600 : 32700) + zone;
        String name = "WGS 84 / UTM zone " + zone + (north ? "N" : "S");
        return new MetricProjection(name, "EPSG:" + epsg, zone * 6.0 - 183.0, 0.9996, 500_000, north ? 0 : 10_000_000);
    }

    /** A transverse Mercator with scale 1 centred on the given meridian (no EPSG code). */
    public static MetricProjection localTransverseMercator(double centralMeridian) {
        String name = String.format(java.util.Locale.ROOT,
                "Local transverse Mercator on WGS 84, central meridian %.8f°", centralMeridian);
        return new MetricProjection(name, null, centralMeridian, 1.0, 0, 0);
    }

    /** Picks the projection for data lying within the given longitude/latitude bounds. */
    public static MetricProjection forExtent(double minLon, double minLat, double maxLon, double maxLat) {
        if (!(minLon <= maxLon && minLat <= maxLat)) {
            throw new IllegalArgumentException("No located incidents to project");
        }
        double centreLon = (minLon + maxLon) / 2;
        double centreLat = (minLat + maxLat) / 2;
        int zone = utmZone(centreLon, centreLat);
        double meridian = zone * 6.0 - 183.0;
        boolean fits = minLon >= meridian - 3 - ZONE_MARGIN_DEGREES && maxLon <= meridian + 3 + ZONE_MARGIN_DEGREES
                && (minLat >= 0) == (maxLat >= 0);
        return fits ? utm(zone, centreLat >= 0) : localTransverseMercator(centreLon);
    }

    /** The projection named by {@link #displayName()}, as stored with runs and grids. */
    public static MetricProjection parse(String displayName) {
        java.util.regex.Matcher utm = java.util.regex.Pattern.compile("EPSG:32([67])(\\d\\d)\\b.*").matcher(displayName);
        if (utm.matches()) {
            return utm(Integer.parseInt(utm.group(2)), utm.group(1).equals("6"));
        }
        java.util.regex.Matcher local = java.util.regex.Pattern.compile(".*central meridian (-?[0-9.]+)°").matcher(displayName);
        if (local.matches()) {
            return localTransverseMercator(Double.parseDouble(local.group(1)));
        }
        throw new IllegalArgumentException("Unknown projection: " + displayName);
    }

    /** The standard UTM zone of a position, with the Norway and Svalbard exceptions. */
    static int utmZone(double lon, double lat) {
        int zone = (int) Math.floor((lon + 180) / 6) + 1;
        if (lat >= 56 && lat < 64 && lon >= 3 && lon < 12) {
            zone = 32;
        } else if (lat >= 72 && lat < 84 && lon >= 0 && lon < 42) {
            zone = lon < 9 ? 31 : lon < 21 ? 33 : lon < 33 ? 35 : 37;
        }
        return Math.max(1, Math.min(60, zone));
    }

    /** The name shown to users, e.g. "EPSG:32618 WGS 84 / UTM zone 18N". */
    public String displayName() {
        return code == null ? name : code + " " + name;
    }

    /** The EPSG code such as "EPSG:32618", or null for a local projection. */
    public String code() {
        return code;
    }

    /** The EPSG number, or 0 for a local projection. */
    public int epsg() {
        return code == null ? 0 : Integer.parseInt(code.substring("EPSG:".length()));
    }

    public double centralMeridian() {
        return centralMeridian;
    }

    public double scaleFactor() {
        return scale;
    }

    public double falseEasting() {
        return falseEasting;
    }

    public double falseNorthing() {
        return falseNorthing;
    }

    /** Projects one position; returns {easting, northing} in metres. */
    public double[] forward(double lon, double lat) {
        double[] xy = new double[2];
        forward(new double[] {lon}, new double[] {lat}, 0, 1, xy, 0);
        return xy;
    }

    /** Projects {@code lon/lat[from, to)} into {@code out} as interleaved x, y starting at {@code outOffset}. */
    void forward(double[] lon, double[] lat, int from, int to, double[] out, int outOffset) {
        double k = scale * RECTIFYING_RADIUS;
        for (int i = from; i < to; i++) {
            double phi = Math.toRadians(lat[i]);
            double lambda = Math.toRadians(lon[i] - centralMeridian);
            double sinPhi = Math.sin(phi);
            double q = Math.exp(atanh(sinPhi) - ECC * atanh(ECC * sinPhi));
            double t = (q - 1 / q) / 2;
            double cosLambda = Math.cos(lambda);
            double xiPrime = Math.atan2(t, cosLambda);
            double etaPrime = atanh(Math.sin(lambda) / Math.sqrt(1 + t * t));
            // sin/cos of 2, 4, 6 ξ' and sinh/cosh of 2, 4, 6 η' from one sin, cos and exp (angle addition).
            double s2 = Math.sin(2 * xiPrime);
            double c2 = Math.cos(2 * xiPrime);
            double s4 = 2 * s2 * c2;
            double c4 = c2 * c2 - s2 * s2;
            double s6 = s4 * c2 + c4 * s2;
            double c6 = c4 * c2 - s4 * s2;
            double e2 = Math.exp(2 * etaPrime);
            double e4 = e2 * e2;
            double e6 = e4 * e2;
            double ch2 = (e2 + 1 / e2) / 2;
            double sh2 = (e2 - 1 / e2) / 2;
            double ch4 = (e4 + 1 / e4) / 2;
            double sh4 = (e4 - 1 / e4) / 2;
            double ch6 = (e6 + 1 / e6) / 2;
            double sh6 = (e6 - 1 / e6) / 2;
            double xi = xiPrime + ALPHA[0] * s2 * ch2 + ALPHA[1] * s4 * ch4 + ALPHA[2] * s6 * ch6;
            double eta = etaPrime + ALPHA[0] * c2 * sh2 + ALPHA[1] * c4 * sh4 + ALPHA[2] * c6 * sh6;
            int o = outOffset + 2 * (i - from);
            out[o] = falseEasting + k * eta;
            out[o + 1] = falseNorthing + k * xi;
        }
    }

    /** Projects whole arrays, using the available cores for large inputs. */
    public ProjectedPoints project(double[] lon, double[] lat) {
        int n = lon.length;
        double[] x = new double[n];
        double[] y = new double[n];
        int chunk = 16_384;
        int chunks = (n + chunk - 1) / chunk;
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * chunk;
            int to = Math.min(n, from + chunk);
            double[] xy = new double[2 * (to - from)];
            forward(lon, lat, from, to, xy, 0);
            for (int i = from; i < to; i++) {
                x[i] = xy[2 * (i - from)];
                y[i] = xy[2 * (i - from) + 1];
            }
        });
        return new ProjectedPoints(this, x, y);
    }

    /** Unprojects one position; returns {longitude, latitude} in degrees. */
    public double[] inverse(double easting, double northing) {
        double k = scale * RECTIFYING_RADIUS;
        double xi = (northing - falseNorthing) / k;
        double eta = (easting - falseEasting) / k;
        double xiPrime = xi;
        double etaPrime = eta;
        for (int j = 0; j < 3; j++) {
            double m = 2 * (j + 1);
            xiPrime -= BETA[j] * Math.sin(m * xi) * Math.cosh(m * eta);
            etaPrime -= BETA[j] * Math.cos(m * xi) * Math.sinh(m * eta);
        }
        double chi = Math.asin(Math.sin(xiPrime) / Math.cosh(etaPrime));
        double phi = chi;
        for (int j = 0; j < 3; j++) {
            phi += DELTA[j] * Math.sin(2 * (j + 1) * chi);
        }
        double lambda = Math.atan2(Math.sinh(etaPrime), Math.cos(xiPrime));
        return new double[] {centralMeridian + Math.toDegrees(lambda), Math.toDegrees(phi)};
    }

    private static double atanh(double v) {
        return 0.5 * Math.log((1 + v) / (1 - v));
    }

    /** ESRI well-known text of this projection, for the .prj file beside an exported grid. */
    public String esriWkt() {
        String projcs = code == null ? "Local_Transverse_Mercator" : name.replace(" / ", "_").replace(' ', '_');
        return "PROJCS[\"" + projcs + "\",GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\","
                + "SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
                + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"False_Easting\"," + falseEasting + "],PARAMETER[\"False_Northing\"," + falseNorthing + "],"
                + "PARAMETER[\"Central_Meridian\"," + centralMeridian + "],PARAMETER[\"Scale_Factor\"," + scale + "],"
                + "PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
    }

    @Override
    public String toString() {
        return displayName();
    }
}
