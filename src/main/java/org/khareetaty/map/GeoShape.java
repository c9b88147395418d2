package org.khareetaty.map;

import java.awt.geom.Path2D;
import java.util.List;
import org.khareetaty.common.IncidentFilter.BoundingBox;

/**
 * A polygon or line feature kept in normalised Web Mercator coordinates (see {@link WebMercator}), so
 * drawing it at any zoom is a multiply and a subtract per vertex. Parts are rings (polygons, even-odd
 * filled) or line strings. Immutable.
 */
public final class GeoShape {

    private final String name;
    private final double[][] parts;   // per part: x0, y0, x1, y1, ... normalised
    private final double[][] partBounds; // per part: minX, minY, maxX, maxY
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    private GeoShape(String name, double[][] parts) {
        this.name = name;
        this.parts = parts;
        this.partBounds = new double[parts.length][];
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < parts.length; p++) {
            double[] part = parts[p];
            double px0 = Double.POSITIVE_INFINITY;
            double py0 = Double.POSITIVE_INFINITY;
            double px1 = Double.NEGATIVE_INFINITY;
            double py1 = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < part.length; i += 2) {
                px0 = Math.min(px0, part[i]);
                px1 = Math.max(px1, part[i]);
                py0 = Math.min(py0, part[i + 1]);
                py1 = Math.max(py1, part[i + 1]);
            }
            partBounds[p] = new double[] {px0, py0, px1, py1};
            x0 = Math.min(x0, px0);
            y0 = Math.min(y0, py0);
            x1 = Math.max(x1, px1);
            y1 = Math.max(y1, py1);
        }
        this.minX = x0;
        this.minY = y0;
        this.maxX = x1;
        this.maxY = y1;
    }

    /** From parts given as interleaved longitude/latitude pairs in degrees. */
    public static GeoShape ofLonLat(String name, List<double[]> lonLatParts) {
        double[][] parts = new double[lonLatParts.size()][];
        for (int p = 0; p < parts.length; p++) {
            double[] source = lonLatParts.get(p);
            double[] part = new double[source.length];
            for (int i = 0; i < source.length; i += 2) {
                part[i] = WebMercator.x(source[i]);
                part[i + 1] = WebMercator.y(source[i + 1]);
            }
            parts[p] = part;
        }
        return new GeoShape(name, parts);
    }

    /** From parts already in normalised Web Mercator coordinates. */
    static GeoShape ofNormalised(String name, double[][] parts) {
        return new GeoShape(name, parts);
    }

    /** A hash of the outline's coordinates (for cache keys: another outline almost surely hashes differently). */
    public int contentHash() {
        return java.util.Arrays.deepHashCode(parts);
    }

    public String name() {
        return name;
    }

    public int partCount() {
        return parts.length;
    }

    /** The longitude/latitude rectangle around the shape. */
    public BoundingBox bounds() {
        return new BoundingBox(WebMercator.lon(minX), WebMercator.lat(maxY), WebMercator.lon(maxX), WebMercator.lat(minY));
    }

    /** True when some part of the shape may be visible in the view (with a margin in pixels). */
    public boolean intersects(MapViewport view, double marginPx) {
        return intersects(minX, minY, maxX, maxY, view, marginPx);
    }

    private static boolean intersects(double x0, double y0, double x1, double y1, MapViewport view, double marginPx) {
        double size = view.worldSize();
        double left = (view.originX() - marginPx) / size;
        double top = (view.originY() - marginPx) / size;
        double right = (view.originX() + view.width() + marginPx) / size;
        double bottom = (view.originY() + view.height() + marginPx) / size;
        return x1 >= left && x0 <= right && y1 >= top && y0 <= bottom;
    }

    /**
     * The shape as a path in the view's pixels. Parts outside the view and vertices closer than
     * {@code tolerancePx} to the previous one are left out, so continents stay cheap at any zoom.
     */
    public Path2D.Double toPath(MapViewport view, boolean closed, double tolerancePx) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        double size = view.worldSize();
        double ox = view.originX();
        double oy = view.originY();
        double minPartPx = closed ? 1.0 : 0.0;
        for (int p = 0; p < parts.length; p++) {
            double[] b = partBounds[p];
            if (!intersects(b[0], b[1], b[2], b[3], view, 2)) {
                continue;
            }
            if ((b[2] - b[0]) * size < minPartPx && (b[3] - b[1]) * size < minPartPx) {
                continue;   // an island smaller than a pixel
            }
            double[] part = parts[p];
            double lastX = part[0] * size - ox;
            double lastY = part[1] * size - oy;
            path.moveTo(lastX, lastY);
            int last = part.length - 2;
            for (int i = 2; i < part.length; i += 2) {
                double x = part[i] * size - ox;
                double y = part[i + 1] * size - oy;
                if (i == last || Math.abs(x - lastX) >= tolerancePx || Math.abs(y - lastY) >= tolerancePx) {
                    path.lineTo(x, y);
                    lastX = x;
                    lastY = y;
                }
            }
            if (closed) {
                path.closePath();
            }
        }
        return path;
    }

    /** Even-odd point-in-polygon test over all parts. */
    public boolean contains(double lon, double lat) {
        double x = WebMercator.x(lon);
        double y = WebMercator.y(lat);
        if (x < minX || x > maxX || y < minY || y > maxY) {
            return false;
        }
        boolean inside = false;
        for (int p = 0; p < parts.length; p++) {
            double[] b = partBounds[p];
            if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) {
                continue;
            }
            double[] part = parts[p];
            int n = part.length / 2;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double xi = part[2 * i];
                double yi = part[2 * i + 1];
                double xj = part[2 * j];
                double yj = part[2 * j + 1];
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
        }
        return inside;
    }
}
