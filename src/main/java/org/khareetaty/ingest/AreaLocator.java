package org.khareetaty.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.util.LinearComponentExtracter;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-polygon for one layer of areas (one kind), fast enough for millions of points: a raster over
 * the layer's extent answers most points with one array read (cells wholly inside one area or outside
 * all), and only points in cells a boundary crosses go to JTS's indexed point-in-area test, of the few areas
 * kept for that cell. Immutable after construction (the locators' indexes are built by then); thread-safe.
 */
public final class AreaLocator {

    private static final int GRID = 256;
    /** In cells: how much wider than exact a boundary segment is drawn into the raster. */
    private static final double EPSILON = 1e-6;
    private static final int OUTSIDE = -1;
    /** Cell values at or below this are boundary cells: {@code MIXED - value} indexes {@link #mixedCandidates}. */
    private static final int MIXED = -2;

    /** An area of the layer: its database id and polygon (longitude/latitude). */
    public record Area(UUID id, Geometry geometry) {
    }

    private final String kind;
    private final List<Area> areas;
    private final IndexedPointInAreaLocator[] locators;
    private final STRtree tree = new STRtree();
    private final double minX;
    private final double minY;
    private final double cellWidth;
    private final double cellHeight;
    private final int[] cells;
    /** Per boundary cell, the areas that intersect it in ascending order: the only ones a point in it can lie in. */
    private final List<int[]> mixedCandidates = new ArrayList<>();

    public AreaLocator(String kind, List<Area> areas) {
        this.kind = kind;
        this.areas = List.copyOf(areas);
        this.locators = new IndexedPointInAreaLocator[areas.size()];
        Envelope extent = new Envelope();
        for (int i = 0; i < areas.size(); i++) {
            Geometry geometry = areas.get(i).geometry();
            locators[i] = new IndexedPointInAreaLocator(geometry);
            tree.insert(geometry.getEnvelopeInternal(), i);
            extent.expandToInclude(geometry.getEnvelopeInternal());
        }
        tree.build();
        if (extent.isNull()) {
            extent = new Envelope(0, 1, 0, 1);
        }
        this.minX = extent.getMinX();
        this.minY = extent.getMinY();
        this.cellWidth = Math.max(extent.getWidth(), 1e-9) / GRID;
        this.cellHeight = Math.max(extent.getHeight(), 1e-9) / GRID;
        this.cells = classifyCells();
    }

    /**
     * The raster, without a polygon-in-box test per cell: the cells any boundary segment touches are found by
     * walking each segment column by column (a little wider than exact, never narrower); those cells keep as
     * candidates the areas whose boundary touches them plus the areas holding their centre. Every other cell lies
     * wholly inside the areas holding its centre (or outside all), so the lowest of those answers it.
     */
    private int[] classifyCells() {
        Map<Integer, TreeSet<Integer>> touched = new HashMap<>();
        for (int index = 0; index < areas.size(); index++) {
            for (Object line : LinearComponentExtracter.getLines(areas.get(index).geometry())) {
                Coordinate[] ring = ((LineString) line).getCoordinates();
                for (int i = 1; i < ring.length; i++) {
                    markSegment(ring[i - 1], ring[i], index, touched);
                }
            }
        }
        int[] result = new int[GRID * GRID];
        for (int row = 0; row < GRID; row++) {
            for (int column = 0; column < GRID; column++) {
                Coordinate centre = new Coordinate(minX + (column + 0.5) * cellWidth, minY + (row + 0.5) * cellHeight);
                TreeSet<Integer> candidates = touched.get(row * GRID + column);
                if (candidates == null) {
                    result[row * GRID + column] = lowestHolding(centre);
                } else {
                    candidates.addAll(holding(centre));
                    result[row * GRID + column] = MIXED - mixedCandidates.size();
                    mixedCandidates.add(candidates.stream().mapToInt(Integer::intValue).toArray());
                }
            }
        }
        return result;
    }

    /** Marks every cell whose closed box the segment may touch (widened by a hair against rounding). */
    private void markSegment(Coordinate from, Coordinate to, int index, Map<Integer, TreeSet<Integer>> touched) {
        double x0 = (from.x - minX) / cellWidth;
        double y0 = (from.y - minY) / cellHeight;
        double x1 = (to.x - minX) / cellWidth;
        double y1 = (to.y - minY) / cellHeight;
        if (x0 > x1) {
            double x = x0;
            x0 = x1;
            x1 = x;
            double y = y0;
            y0 = y1;
            y1 = y;
        }
        int firstColumn = Math.max(0, (int) Math.floor(x0 - EPSILON));
        int lastColumn = Math.min(GRID - 1, (int) Math.floor(x1 + EPSILON));
        for (int column = firstColumn; column <= lastColumn; column++) {
            double low;
            double high;
            if (x1 - x0 < EPSILON) {
                low = Math.min(y0, y1);
                high = Math.max(y0, y1);
            } else {
                double ya = y0 + (y1 - y0) * ((Math.max(x0, column) - x0) / (x1 - x0));
                double yb = y0 + (y1 - y0) * ((Math.min(x1, column + 1.0) - x0) / (x1 - x0));
                low = Math.min(ya, yb);
                high = Math.max(ya, yb);
            }
            int firstRow = Math.max(0, (int) Math.floor(low - EPSILON));
            int lastRow = Math.min(GRID - 1, (int) Math.floor(high + EPSILON));
            for (int row = firstRow; row <= lastRow; row++) {
                touched.computeIfAbsent(row * GRID + column, cell -> new TreeSet<>()).add(index);
            }
        }
    }

    /** The areas whose polygon covers the point. */
    private List<Integer> holding(Coordinate point) {
        List<Integer> holding = new ArrayList<>();
        tree.query(new Envelope(point), item -> {
            int index = (Integer) item;
            if (locators[index].locate(point) != Location.EXTERIOR) {
                holding.add(index);
            }
        });
        return holding;
    }

    private int lowestHolding(Coordinate point) {
        int lowest = OUTSIDE;
        for (int index : holding(point)) {
            if (lowest == OUTSIDE || index < lowest) {
                lowest = index;
            }
        }
        return lowest;
    }

    public String kind() {
        return kind;
    }

    public int size() {
        return areas.size();
    }

    public UUID areaId(int index) {
        return areas.get(index).id();
    }

    /** The index of the area containing the point (boundary counts as inside), or -1 when none does. */
    public int locate(double lon, double lat) {
        if (Double.isNaN(lon)) {
            return OUTSIDE;
        }
        int column = (int) Math.floor((lon - minX) / cellWidth);
        int row = (int) Math.floor((lat - minY) / cellHeight);
        // The extent's top and right edges belong to the last cells (a boundary cell there, so tested exactly).
        column = column == GRID ? GRID - 1 : column;
        row = row == GRID ? GRID - 1 : row;
        if (column < 0 || row < 0 || column >= GRID || row >= GRID) {
            return OUTSIDE;
        }
        int value = cells[row * GRID + column];
        return value <= MIXED ? locateExactly(lon, lat, mixedCandidates.get(MIXED - value)) : value;
    }

    /** The lowest-numbered area among the cell's candidates that contains the point (boundary included), or -1. */
    private int locateExactly(double lon, double lat, int[] candidates) {
        Coordinate point = new Coordinate(lon, lat);
        for (int index : candidates) {
            if (locators[index].locate(point) != Location.EXTERIOR) {
                return index;
            }
        }
        return OUTSIDE;
    }
}
