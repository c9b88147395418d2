package org.khareetaty.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-polygon for one layer of areas (one kind), fast enough for millions of points: a raster over
 * the layer's extent answers most points with one array read (cells wholly inside one area or outside
 * all), and only points in cells crossed by a boundary go to the indexed polygon test (STR-tree of
 * candidates, then JTS's indexed point-in-area locator). Immutable after construction; thread-safe.
 */
public final class AreaLocator {

    private static final int GRID = 256;
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

    private int[] classifyCells() {
        int[] result = new int[GRID * GRID];
        GeometryFactory factory = new GeometryFactory();
        PreparedGeometry[] prepared = new PreparedGeometry[areas.size()];
        for (int row = 0; row < GRID; row++) {
            for (int column = 0; column < GRID; column++) {
                Envelope cell = new Envelope(minX + column * cellWidth, minX + (column + 1) * cellWidth,
                        minY + row * cellHeight, minY + (row + 1) * cellHeight);
                @SuppressWarnings("unchecked")
                List<Integer> candidates = tree.query(cell);
                Geometry box = factory.toGeometry(cell);
                int value = OUTSIDE;
                List<Integer> touching = new ArrayList<>();
                for (int index : candidates) {
                    if (prepared[index] == null) {
                        prepared[index] = PreparedGeometryFactory.prepare(areas.get(index).geometry());
                    }
                    if (prepared[index].containsProperly(box)) {
                        value = index;
                        break;
                    }
                    if (prepared[index].intersects(box)) {
                        touching.add(index);
                    }
                }
                if (value == OUTSIDE && !touching.isEmpty()) {
                    value = MIXED - mixedCandidates.size();
                    mixedCandidates.add(touching.stream().mapToInt(Integer::intValue).sorted().toArray());
                }
                result[row * GRID + column] = value;
            }
        }
        return result;
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
