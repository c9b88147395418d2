package org.khareetaty.analysis.hotspot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.IncidentSnapshot;
import org.locationtech.jts.algorithm.hull.ConcaveHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Turns groups of incidents into {@link Hotspot}s: a polygon with a bounded number of vertices, counts,
 * density, leading categories, hour and weekday profile and the areas touched.
 */
public final class HotspotBuilder {

    /** Positions above which the outline is drawn around grid cells rather than every position. */
    static final int HULL_POINTS = 20_000;

    /** Hotspot outlines keep at most this many vertices, so maps and the database stay light. */
    public static final int MAX_VERTICES = 64;
    /** Concave hull tightness: longest kept edge as a fraction of the longest Delaunay edge. */
    private static final double HULL_EDGE_RATIO = 0.15;
    private static final int TOP_CATEGORIES = 5;

    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final GeometryFactory METRES = new GeometryFactory();

    private HotspotBuilder() {
    }

    /** Members of each cluster (indexes into the points), clusters numbered as in the labels. */
    static int[][] members(int[] labels, int clusters) {
        int[] sizes = new int[clusters];
        for (int label : labels) {
            if (label >= 0) {
                sizes[label]++;
            }
        }
        int[][] members = new int[clusters][];
        for (int c = 0; c < clusters; c++) {
            members[c] = new int[sizes[c]];
        }
        int[] fill = new int[clusters];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= 0) {
                members[labels[i]][fill[labels[i]]++] = i;
            }
        }
        return members;
    }

    /**
     * One hotspot per DBSCAN cluster, ranked by incident count. A cluster whose points are all (nearly)
     * collinear or identical has no area; its outline is its hull widened by a tenth of eps.
     */
    public static List<BuiltHotspot> fromClusters(HotspotPoints points, Dbscan.Result result, double eps,
            TaskContext context) {
        int[][] members = members(result.labels(), result.clusterCount());
        List<BuiltHotspot> built = new ArrayList<>(members.length);
        for (int c = 0; c < members.length; c++) {
            context.checkCancelled();
            context.progress(c, members.length, "Outlining hotspots");
            Geometry outline = outline(points.projected(), members[c], eps / 10);
            built.add(build(points, members[c], outline, null, null, null));
        }
        built.sort(Comparator.comparingLong((BuiltHotspot b) -> -b.hotspot().incidentCount()));
        return rank(built, "Cluster");
    }

    /** Numbers hotspots 1..n in list order and labels them after the area holding most of their incidents. */
    static List<BuiltHotspot> rank(List<BuiltHotspot> hotspots, String noun) {
        List<BuiltHotspot> ranked = new ArrayList<>(hotspots.size());
        for (int i = 0; i < hotspots.size(); i++) {
            Hotspot h = hotspots.get(i).hotspot();
            String place = h.profile().areas().isEmpty() ? "" : " · " + h.profile().areas().get(0).name();
            Hotspot numbered = new Hotspot(h.id(), i + 1, noun + " " + (i + 1) + place, h.geometry(), h.incidentCount(),
                    h.areaM2(), h.densityPerKm2(), h.score(), h.zScore(), h.pValue(), h.confidence(), h.profile());
            ranked.add(new BuiltHotspot(numbered, hotspots.get(i).members()));
        }
        return ranked;
    }

    /** A hotspot whose outline (in projected metres) is already known. */
    static BuiltHotspot build(HotspotPoints points, int[] members, Geometry outlineMetres, Double zScore, Double pValue,
            Integer confidence) {
        double areaM2 = outlineMetres.getArea();
        long count = members.length;
        double density = areaM2 > 0 ? count / (areaM2 / 1e6) : 0;
        Geometry lonLat = toLonLat(outlineMetres, points.projection());
        Hotspot hotspot = new Hotspot(UUID.randomUUID(), 0, null, lonLat, count, areaM2, density,
                zScore, zScore, pValue, confidence, profile(points, members));
        return new BuiltHotspot(hotspot, members);
    }

    /** A hotspot together with its incidents (indexes into the run's points). */
    public record BuiltHotspot(Hotspot hotspot, int[] members) {
    }

    /** The concave hull of the members, simplified to at most {@link #MAX_VERTICES} vertices. */
    static Geometry outline(ProjectedPoints projected, int[] members, double minimumWidth) {
        double[] x = projected.x();
        double[] y = projected.y();
        // Many incidents share a block-rounded coordinate: the hull needs each position once.
        List<Coordinate> unique = new ArrayList<>();
        java.util.HashSet<Coordinate> seen = new java.util.HashSet<>();
        for (int member : members) {
            Coordinate c = new Coordinate(x[member], y[member]);
            if (seen.add(c)) {
                unique.add(c);
            }
        }
        unique = thinned(unique, minimumWidth * 2);
        Geometry cloud = METRES.createMultiPointFromCoords(unique.toArray(new Coordinate[0]));
        Geometry hull = unique.size() < 4 ? cloud.convexHull()
                : ConcaveHull.concaveHullByLengthRatio(cloud, HULL_EDGE_RATIO);
        if (!(hull instanceof Polygonal) || hull.getArea() < minimumWidth * minimumWidth) {
            hull = hull.buffer(minimumWidth, 2);
        }
        return limitVertices(hull);
    }

    /**
     * A city-wide cluster of ten years has a hundred thousand distinct positions, and a concave hull of that many
     * takes minutes. Above {@link #HULL_POINTS} positions, each grid cell (starting at {@code cell} metres, a fifth
     * of eps, doubled as needed) is represented by its centre: the outline moves by less than a cell, far below
     * what the {@link #MAX_VERTICES}-vertex simplification removes anyway.
     */
    static List<Coordinate> thinned(List<Coordinate> positions, double cell) {
        List<Coordinate> thinned = positions;
        for (double size = Math.max(cell, 1); thinned.size() > HULL_POINTS; size *= 2) {
            java.util.HashSet<Long> cells = new java.util.HashSet<>();
            List<Coordinate> centres = new ArrayList<>();
            for (Coordinate c : positions) {
                long cx = (long) Math.floor(c.x / size);
                long cy = (long) Math.floor(c.y / size);
                if (cells.add(cx * 0x1_0000_0000L + cy)) {
                    centres.add(new Coordinate((cx + 0.5) * size, (cy + 0.5) * size));
                }
            }
            thinned = centres;
        }
        return thinned;
    }

    static Geometry limitVertices(Geometry polygon) {
        Geometry simplified = polygon;
        double tolerance = Math.sqrt(Math.max(polygon.getArea(), 1)) / 200;
        while (simplified.getNumPoints() > MAX_VERTICES) {
            simplified = TopologyPreservingSimplifier.simplify(polygon, tolerance);
            tolerance *= 1.5;
        }
        return simplified;
    }

    static Geometry toLonLat(Geometry metres, MetricProjection projection) {
        Geometry copy = WGS84.createGeometry(metres);
        copy.apply((CoordinateFilter) c -> {
            double[] lonLat = projection.inverse(c.x, c.y);
            c.x = lonLat[0];
            c.y = lonLat[1];
        });
        copy.geometryChanged();
        copy.setSRID(4326);
        return copy;
    }

    /** Leading categories, hour and weekday counts and areas touched by the members. */
    static HotspotProfile profile(HotspotPoints points, int[] members) {
        IncidentSnapshot snapshot = points.snapshot();
        int[] rows = points.rows();
        int[] byCategory = new int[snapshot.categories().size()];
        int[] hours = new int[24];
        int[] weekdays = new int[7];
        int[][] weekdayHours = new int[7][24];
        int firstDay = Integer.MAX_VALUE;
        int lastDay = Integer.MIN_VALUE;
        for (int member : members) {
            int row = rows[member];
            byCategory[snapshot.categoryIndex(row)]++;
            int hour = snapshot.localHour(row);
            int weekday = snapshot.localDayOfWeek(row) - 1;
            hours[hour]++;
            weekdays[weekday]++;
            weekdayHours[weekday][hour]++;
            firstDay = Math.min(firstDay, snapshot.localEpochDay(row));
            lastDay = Math.max(lastDay, snapshot.localEpochDay(row));
        }
        List<HotspotProfile.CategoryShare> categories = new ArrayList<>();
        Integer[] order = new Integer[byCategory.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(byCategory[b], byCategory[a]));
        for (int k = 0; k < Math.min(TOP_CATEGORIES, order.length) && byCategory[order[k]] > 0; k++) {
            int c = order[k];
            categories.add(new HotspotProfile.CategoryShare(snapshot.categories().get(c), byCategory[c],
                    byCategory[c] / (double) members.length));
        }
        boolean none = members.length == 0;
        return new HotspotProfile(categories, hours, weekdays, weekdayHours,
                none ? null : LocalDate.ofEpochDay(firstDay), none ? null : LocalDate.ofEpochDay(lastDay),
                areas(snapshot, rows, members));
    }

    /** Areas holding members, coarsest kind first (fewest areas), most incidents first within a kind. */
    private static List<HotspotProfile.AreaShare> areas(IncidentSnapshot snapshot, int[] rows, int[] members) {
        List<IncidentSnapshot.AreaColumn> columns = snapshot.areaKinds().stream().map(snapshot::areas)
                .sorted(Comparator.comparingInt((IncidentSnapshot.AreaColumn a) -> a.areaIds().size())
                        .thenComparing(IncidentSnapshot.AreaColumn::kind))
                .toList();
        List<HotspotProfile.AreaShare> shares = new ArrayList<>();
        for (IncidentSnapshot.AreaColumn column : columns) {
            int[] counts = new int[column.areaIds().size()];
            for (int member : members) {
                int area = column.areaIndex(rows[member]);
                if (area >= 0) {
                    counts[area]++;
                }
            }
            List<HotspotProfile.AreaShare> ofKind = new ArrayList<>();
            for (int a = 0; a < counts.length; a++) {
                if (counts[a] > 0) {
                    ofKind.add(new HotspotProfile.AreaShare(column.kind(), column.areaIds().get(a),
                            column.areaNames().get(a), counts[a]));
                }
            }
            ofKind.sort(Comparator.comparingLong((HotspotProfile.AreaShare s) -> -s.count()));
            shares.addAll(ofKind);
        }
        return shares;
    }
}
