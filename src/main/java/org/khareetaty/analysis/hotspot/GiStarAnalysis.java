package org.khareetaty.analysis.hotspot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.khareetaty.analysis.hotspot.HotspotBuilder.BuiltHotspot;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.IncidentSnapshot;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Gi* hot and cold spots on a grid of counts or on areas. On a grid, the study region is the convex hull
 * of the cells holding incidents (empty cells inside it count as zeros; cells outside are not part of the
 * test). Neighbouring significant cells of the same sign form one hotspot, outlined by their union.
 */
public final class GiStarAnalysis {

    private static final GeometryFactory METRES = new GeometryFactory();

    /** The outcome: hotspots (hot first, strongest first, then cold) and the grids to keep. */
    public record Outcome(List<BuiltHotspot> hotspots, List<GridSurface> grids, GetisOrd.Result result, int units) {
    }

    private GiStarAnalysis() {
    }

    public static Outcome onGrid(HotspotPoints points, HotspotParameters.GiStar parameters, TaskContext context) {
        MetricProjection projection = points.projection();
        GridSurface counts = GridSurface.covering("counts", projection, points.extent(), parameters.cellMetres(),
                "incidents per cell");
        int columns = counts.columns();
        int rows = counts.rows();
        double[] x = points.projected().x();
        double[] y = points.projected().y();
        int[] cellOfPoint = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            int column = (int) Math.floor((x[i] - counts.originX()) / counts.cellSize());
            int row = (int) Math.floor((y[i] - counts.originY()) / counts.cellSize());
            cellOfPoint[i] = column >= 0 && column < columns && row >= 0 && row < rows ? row * columns + column : -1;
            if (cellOfPoint[i] >= 0) {
                counts.values()[cellOfPoint[i]]++;
            }
        }
        context.checkCancelled();
        context.progress(1, 4, "Gi*: study region");
        int[] unitOfCell = studyCells(counts);
        int units = 0;
        for (int cell = 0; cell < unitOfCell.length; cell++) {
            if (unitOfCell[cell] >= 0) {
                unitOfCell[cell] = units++;
            }
        }
        int[] cellOfUnit = new int[units];
        double[] values = new double[units];
        for (int cell = 0; cell < unitOfCell.length; cell++) {
            if (unitOfCell[cell] >= 0) {
                cellOfUnit[unitOfCell[cell]] = cell;
                values[unitOfCell[cell]] = counts.values()[cell];
            }
        }
        int reach = (int) Math.floor(parameters.bandMetres() / parameters.cellMetres());
        double band2 = parameters.bandMetres() * parameters.bandMetres() / (parameters.cellMetres() * parameters.cellMetres());
        int[][] neighbours = new int[units][];
        int[] buffer = new int[(2 * reach + 1) * (2 * reach + 1)];
        for (int u = 0; u < units; u++) {
            int row = cellOfUnit[u] / columns;
            int column = cellOfUnit[u] % columns;
            int size = 0;
            for (int r = Math.max(0, row - reach); r <= Math.min(rows - 1, row + reach); r++) {
                for (int c = Math.max(0, column - reach); c <= Math.min(columns - 1, column + reach); c++) {
                    double dr = r - row;
                    double dc = c - column;
                    int other = unitOfCell[r * columns + c];
                    if (other >= 0 && dr * dr + dc * dc <= band2 + 1e-9) {
                        buffer[size++] = other;
                    }
                }
            }
            neighbours[u] = Arrays.copyOf(buffer, size);
        }
        context.checkCancelled();
        context.progress(2, 4, "Gi*: z-scores");
        GetisOrd.Result result = GetisOrd.compute(values, neighbours);

        GridSurface z = new GridSurface("gistar_z", projection, counts.originX(), counts.originY(), counts.cellSize(),
                columns, rows, "Gi* z-score", nanGrid(columns * rows));
        GridSurface confidence = new GridSurface("gistar_confidence", projection, counts.originX(), counts.originY(),
                counts.cellSize(), columns, rows, "confidence % (FDR-corrected; negative = cold)", nanGrid(columns * rows));
        for (int u = 0; u < units; u++) {
            z.values()[cellOfUnit[u]] = result.z()[u];
            confidence.values()[cellOfUnit[u]] = result.confidence()[u];
        }
        context.progress(3, 4, "Gi*: outlining hot and cold spots");
        List<BuiltHotspot> hotspots = groupCells(points, counts, cellOfPoint, unitOfCell, result, context);
        return new Outcome(hotspots, List.of(counts, z, confidence), result, units);
    }

    private static double[] nanGrid(int size) {
        double[] values = new double[size];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    /** Cells whose centre lies in the convex hull of the occupied cells: 0 for study cells, -1 otherwise. */
    private static int[] studyCells(GridSurface counts) {
        int columns = counts.columns();
        List<Coordinate> corners = new ArrayList<>();
        for (int cell = 0; cell < counts.values().length; cell++) {
            if (counts.values()[cell] > 0) {
                double x0 = counts.originX() + (cell % columns) * counts.cellSize();
                double y0 = counts.originY() + (cell / columns) * counts.cellSize();
                corners.add(new Coordinate(x0, y0));
                corners.add(new Coordinate(x0 + counts.cellSize(), y0 + counts.cellSize()));
                corners.add(new Coordinate(x0, y0 + counts.cellSize()));
                corners.add(new Coordinate(x0 + counts.cellSize(), y0));
            }
        }
        Geometry hull = METRES.createMultiPointFromCoords(corners.toArray(new Coordinate[0])).convexHull();
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(hull);
        int[] unitOfCell = new int[counts.values().length];
        for (int cell = 0; cell < unitOfCell.length; cell++) {
            Coordinate centre = new Coordinate(counts.cellCentreX(cell % columns), counts.cellCentreY(cell / columns));
            unitOfCell[cell] = counts.values()[cell] > 0 || prepared.covers(METRES.createPoint(centre)) ? 0 : -1;
        }
        return unitOfCell;
    }

    /** Connected (8-neighbour) significant cells of one sign become one hotspot. */
    private static List<BuiltHotspot> groupCells(HotspotPoints points, GridSurface counts, int[] cellOfPoint,
            int[] unitOfCell, GetisOrd.Result result, TaskContext context) {
        int columns = counts.columns();
        int rows = counts.rows();
        int cells = columns * rows;
        int[] group = new int[cells];
        Arrays.fill(group, -1);
        List<int[]> groups = new ArrayList<>();
        int[] stack = new int[cells];
        for (int cell = 0; cell < cells; cell++) {
            int unit = unitOfCell[cell];
            if (unit < 0 || result.confidence()[unit] == 0 || group[cell] >= 0) {
                continue;
            }
            int sign = Integer.signum(result.confidence()[unit]);
            int id = groups.size();
            List<Integer> members = new ArrayList<>();
            int top = 0;
            stack[top++] = cell;
            group[cell] = id;
            while (top > 0) {
                int current = stack[--top];
                members.add(current);
                int row = current / columns;
                int column = current % columns;
                for (int r = Math.max(0, row - 1); r <= Math.min(rows - 1, row + 1); r++) {
                    for (int c = Math.max(0, column - 1); c <= Math.min(columns - 1, column + 1); c++) {
                        int next = r * columns + c;
                        int nextUnit = unitOfCell[next];
                        if (group[next] < 0 && nextUnit >= 0 && Integer.signum(result.confidence()[nextUnit]) == sign) {
                            group[next] = id;
                            stack[top++] = next;
                        }
                    }
                }
            }
            groups.add(members.stream().mapToInt(Integer::intValue).toArray());
        }
        int[] pointsPerGroup = new int[groups.size()];
        for (int cell : cellOfPoint) {
            if (cell >= 0 && group[cell] >= 0) {
                pointsPerGroup[group[cell]]++;
            }
        }
        int[][] members = new int[groups.size()][];
        for (int g = 0; g < members.length; g++) {
            members[g] = new int[pointsPerGroup[g]];
        }
        int[] fill = new int[groups.size()];
        for (int i = 0; i < cellOfPoint.length; i++) {
            int cell = cellOfPoint[i];
            if (cell >= 0 && group[cell] >= 0) {
                members[group[cell]][fill[group[cell]]++] = i;
            }
        }
        List<BuiltHotspot> built = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            context.checkCancelled();
            List<Geometry> squares = new ArrayList<>();
            double strongestZ = 0;
            double smallestP = 1;
            int strongestConfidence = 0;
            for (int cell : groups.get(g)) {
                double x0 = counts.originX() + (cell % columns) * counts.cellSize();
                double y0 = counts.originY() + (cell / columns) * counts.cellSize();
                squares.add(METRES.toGeometry(new Envelope(x0, x0 + counts.cellSize(), y0, y0 + counts.cellSize())));
                int unit = unitOfCell[cell];
                if (Math.abs(result.z()[unit]) > Math.abs(strongestZ)) {
                    strongestZ = result.z()[unit];
                }
                smallestP = Math.min(smallestP, result.p()[unit]);
                if (Math.abs(result.confidence()[unit]) > Math.abs(strongestConfidence)) {
                    strongestConfidence = result.confidence()[unit];
                }
            }
            Geometry outline = HotspotBuilder.limitVertices(UnaryUnionOp.union(squares));
            built.add(HotspotBuilder.build(points, members[g], outline, strongestZ, smallestP, strongestConfidence));
        }
        return rankHotThenCold(built, "spot");
    }

    /** Hot spots by falling z, then cold spots by rising z; labelled "Hot spot n" / "Cold spot n". */
    private static List<BuiltHotspot> rankHotThenCold(List<BuiltHotspot> built, String noun) {
        List<BuiltHotspot> sorted = new ArrayList<>(built);
        sorted.sort(Comparator.comparingDouble((BuiltHotspot b) -> -b.hotspot().zScore()));
        List<BuiltHotspot> ranked = HotspotBuilder.rank(sorted, "");
        List<BuiltHotspot> labelled = new ArrayList<>(ranked.size());
        for (BuiltHotspot b : ranked) {
            Hotspot h = b.hotspot();
            String label = (h.cold() ? "Cold " : "Hot ") + noun + " " + h.label().trim() + " (" + Math.abs(h.confidence()) + " %)";
            labelled.add(new BuiltHotspot(new Hotspot(h.id(), h.rank(), label, h.geometry(), h.incidentCount(), h.areaM2(),
                    h.densityPerKm2(), h.score(), h.zScore(), h.pValue(), h.confidence(), h.profile()), b.members()));
        }
        return labelled;
    }

    /**
     * Gi* over the areas of one kind: counts per area, areas that touch (within a metre) are neighbours.
     *
     * @param geometries area id to its boundary in WGS 84
     */
    public static Outcome onAreas(HotspotPoints points, String kind, Map<UUID, Geometry> geometries, TaskContext context) {
        IncidentSnapshot snapshot = points.snapshot();
        IncidentSnapshot.AreaColumn column = snapshot.areas(kind);
        if (column == null) {
            throw new IllegalArgumentException("No areas of kind '" + kind + "' are loaded; kinds present: "
                    + (snapshot.areaKinds().isEmpty() ? "none" : String.join(", ", snapshot.areaKinds().stream().sorted().toList())));
        }
        int units = column.areaIds().size();
        double[] values = new double[units];
        int[] areaOfPoint = new int[points.size()];
        for (int i = 0; i < points.size(); i++) {
            areaOfPoint[i] = column.areaIndex(points.rows()[i]);
            if (areaOfPoint[i] >= 0) {
                values[areaOfPoint[i]]++;
            }
        }
        MetricProjection projection = points.projection();
        Geometry[] projected = new Geometry[units];
        STRtree tree = new STRtree();
        for (int a = 0; a < units; a++) {
            Geometry lonLat = geometries.get(column.areaIds().get(a));
            if (lonLat == null) {
                throw new IllegalStateException("Area " + column.areaNames().get(a) + " has no boundary");
            }
            projected[a] = project(lonLat, projection);
            tree.insert(projected[a].getEnvelopeInternal(), a);
        }
        int[][] neighbours = new int[units][];
        for (int a = 0; a < units; a++) {
            context.checkCancelled();
            Envelope search = projected[a].getEnvelopeInternal();
            search.expandBy(1);
            PreparedGeometry prepared = PreparedGeometryFactory.prepare(projected[a].buffer(1));
            List<Integer> near = new ArrayList<>();
            for (Object candidate : tree.query(search)) {
                int other = (Integer) candidate;
                if (other == a || prepared.intersects(projected[other])) {
                    near.add(other);
                }
            }
            neighbours[a] = near.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        GetisOrd.Result result = GetisOrd.compute(values, neighbours);
        int[][] members = HotspotBuilder.members(areaOfPoint, units);
        List<BuiltHotspot> built = new ArrayList<>();
        for (int a = 0; a < units; a++) {
            if (result.confidence()[a] != 0) {
                Geometry outline = HotspotBuilder.limitVertices(projected[a]);
                built.add(HotspotBuilder.build(points, members[a], outline, result.z()[a], result.p()[a],
                        result.confidence()[a]));
            }
        }
        return new Outcome(rankHotThenCold(built, "area"), List.of(), result, units);
    }

    static Geometry project(Geometry lonLat, MetricProjection projection) {
        Geometry copy = METRES.createGeometry(lonLat);
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            double[] xy = projection.forward(c.x, c.y);
            c.x = xy[0];
            c.y = xy[1];
        });
        copy.geometryChanged();
        return copy;
    }
}
