package org.khareetaty.analysis.forecast;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;

/**
 * A square grid in metres over a region given in longitude/latitude, with the cells whose centres lie
 * inside the region marked. Positions are projected with a local equirectangular projection about the
 * region's centre, which is accurate to well under a metre per kilometre across a city.
 */
public final class RiskGrid {

    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private final double lon0;
    private final double lat0;
    private final double metresPerDegreeLon;
    private final double metresPerDegreeLat;
    private final double originX;
    private final double originY;
    private final double cellSize;
    private final int columns;
    private final int rows;
    private final boolean[] inside;
    private final int insideCount;

    private RiskGrid(double lon0, double lat0, double originX, double originY, double cellSize, int columns, int rows,
            boolean[] inside) {
        this.lon0 = lon0;
        this.lat0 = lat0;
        this.metresPerDegreeLat = Math.toRadians(1) * EARTH_RADIUS_M;
        this.metresPerDegreeLon = metresPerDegreeLat * Math.cos(Math.toRadians(lat0));
        this.originX = originX;
        this.originY = originY;
        this.cellSize = cellSize;
        this.columns = columns;
        this.rows = rows;
        this.inside = inside;
        int count = 0;
        for (boolean b : inside) {
            count += b ? 1 : 0;
        }
        this.insideCount = count;
    }

    /** Covers the region (lon/lat polygons) with cells of {@code cellSize} metres. */
    public static RiskGrid over(Geometry region, double cellSize) {
        if (region.isEmpty()) {
            throw new IllegalArgumentException("The region for the hotspot grid is empty");
        }
        if (cellSize < 10 || cellSize > 5000) {
            throw new IllegalArgumentException("Cell size must be 10 to 5000 metres, got " + cellSize);
        }
        Envelope box = region.getEnvelopeInternal();
        double lon0 = (box.getMinX() + box.getMaxX()) / 2;
        double lat0 = (box.getMinY() + box.getMaxY()) / 2;
        RiskGrid probe = new RiskGrid(lon0, lat0, 0, 0, cellSize, 0, 0, new boolean[0]);
        double minX = probe.x(box.getMinX());
        double minY = probe.y(box.getMinY());
        int columns = (int) Math.ceil((probe.x(box.getMaxX()) - minX) / cellSize);
        int rows = (int) Math.ceil((probe.y(box.getMaxY()) - minY) / cellSize);
        if ((long) columns * rows > 20_000_000L) {
            throw new IllegalArgumentException("A grid of " + columns + " x " + rows + " cells is too large; "
                    + "choose larger cells");
        }
        boolean[] inside = new boolean[columns * rows];
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(region);
        for (int r = 0; r < rows; r++) {
            double lat = lat0 + (minY + (r + 0.5) * cellSize) / probe.metresPerDegreeLat;
            for (int c = 0; c < columns; c++) {
                double lon = lon0 + (minX + (c + 0.5) * cellSize) / probe.metresPerDegreeLon;
                inside[r * columns + c] = locator.locate(new Coordinate(lon, lat)) != Location.EXTERIOR;
            }
        }
        return new RiskGrid(lon0, lat0, minX, minY, cellSize, columns, rows, inside);
    }

    double x(double lon) {
        return (lon - lon0) * metresPerDegreeLon;
    }

    double y(double lat) {
        return (lat - lat0) * metresPerDegreeLat;
    }

    /** The cell holding a position, or -1 when it is outside the grid or the region. */
    public int cellOf(double lon, double lat) {
        if (Double.isNaN(lon) || Double.isNaN(lat)) {
            return -1;
        }
        int c = (int) Math.floor((x(lon) - originX) / cellSize);
        int r = (int) Math.floor((y(lat) - originY) / cellSize);
        if (c < 0 || r < 0 || c >= columns || r >= rows) {
            return -1;
        }
        int cell = r * columns + c;
        return inside[cell] ? cell : -1;
    }

    /** Longitude and latitude of a cell's centre. */
    public double[] centre(int cell) {
        int r = cell / columns;
        int c = cell % columns;
        return new double[] {lon0 + (originX + (c + 0.5) * cellSize) / metresPerDegreeLon,
            lat0 + (originY + (r + 0.5) * cellSize) / metresPerDegreeLat};
    }

    public boolean inside(int cell) {
        return inside[cell];
    }

    public int insideCount() {
        return insideCount;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int cells() {
        return columns * rows;
    }

    public double cellSize() {
        return cellSize;
    }

    public double originX() {
        return originX;
    }

    public double originY() {
        return originY;
    }

    /** How positions are projected, for storing rasters with a description of their coordinates. */
    public String crs() {
        return String.format(java.util.Locale.ROOT, "local equirectangular metres about lon %.6f lat %.6f", lon0, lat0);
    }

    /** A region geometry factory helper for callers that build regions from rings. */
    public static GeometryFactory geometryFactory() {
        return new GeometryFactory();
    }
}
