package org.khareetaty.map;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.khareetaty.store.Database;
import org.khareetaty.store.TestIncidents;

/**
 * Rows the map draws, written straight into the V1 tables for tests and screenshots: Kuwait incidents
 * clustered around real neighbourhoods, Kuwait's governorates (Natural Earth, from the bundled basemap),
 * and an analysis run computed from the stored incidents (a smoothed count grid with its densest cells as
 * ranked hotspots), standing in for the hotspot analysis in tests of the map alone.
 */
public final class MapFixtures {

    /** Neighbourhood centres (lon, lat) and how many incidents each draws (relative). */
    private static final double[][] KUWAIT_CENTRES = {
        {47.9774, 29.3759, 5}, {48.0833, 29.3339, 4}, {48.0280, 29.3330, 4}, {47.9400, 29.2760, 3},
        {47.6580, 29.3370, 2}, {48.1300, 29.0700, 2}, {47.9610, 29.3150, 2}, {48.0590, 29.2650, 1}};
    private static final String[] KUWAIT_CATEGORIES = {"THEFT", "ASSAULT", "BURGLARY", "VEHICLE_THEFT", "DRUGS", "FRAUD"};

    private MapFixtures() {
    }

    /** {@code count} incidents in 2025, clustered around Kuwaiti neighbourhoods. */
    public static List<TestIncidents.Incident> kuwaitIncidents(int count, long seed) {
        Random random = new Random(seed);
        double total = 0;
        for (double[] c : KUWAIT_CENTRES) {
            total += c[2];
        }
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        List<TestIncidents.Incident> incidents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double pick = random.nextDouble() * total;
            double[] centre = KUWAIT_CENTRES[0];
            for (double[] c : KUWAIT_CENTRES) {
                pick -= c[2];
                if (pick <= 0) {
                    centre = c;
                    break;
                }
            }
            double spread = 0.012 + 0.01 * random.nextDouble();
            double lon = centre[0] + random.nextGaussian() * spread;
            double lat = centre[1] + random.nextGaussian() * spread * 0.8;
            Instant at = start.plusSeconds((long) (random.nextDouble() * 365 * 86400));
            incidents.add(new TestIncidents.Incident(new UUID(seed, i), "KW" + seed + "-" + i, at,
                    KUWAIT_CATEGORIES[random.nextInt(KUWAIT_CATEGORIES.length)], lon, lat));
        }
        return incidents;
    }

    /** Inserts Kuwait's six governorates (Natural Earth admin-1) as areas of kind "governorate" and assigns incidents. */
    public static void insertKuwaitGovernorates(Database database, Basemap basemap) {
        List<GeoShape> governorates = basemap.all("admin1", 10).stream().flatMap(l -> l.shapes().stream())
                .filter(s -> s.name().endsWith(", Kuwait")).toList();
        database.inTransaction(connection -> {
            List<double[]> located = new ArrayList<>();
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, lon, lat FROM incident WHERE lon IS NOT NULL");
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                    located.add(new double[] {rs.getDouble(2), rs.getDouble(3)});
                }
            }
            int code = 1;
            for (GeoShape shape : governorates) {
                UUID id = UUID.nameUUIDFromBytes(shape.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO area (id, kind, code, name, population, geom) VALUES (?, 'governorate', ?, ?, ?, ST_GeomFromText(?, 4326))")) {
                    statement.setObject(1, id);
                    statement.setString(2, String.valueOf(code++));
                    statement.setString(3, shape.name().replace(", Kuwait", ""));
                    statement.setLong(4, 400_000L + 150_000L * code);
                    statement.setString(5, wkt(shape));
                    statement.executeUpdate();
                }
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO incident_area (incident_id, kind, area_id) VALUES (?, 'governorate', ?)")) {
                    for (int i = 0; i < ids.size(); i++) {
                        if (shape.contains(located.get(i)[0], located.get(i)[1])) {
                            statement.setObject(1, ids.get(i));
                            statement.setObject(2, id);
                            statement.addBatch();
                        }
                    }
                    statement.executeBatch();
                }
            }
            return null;
        });
    }

    /** WKT of a shape's parts as one multipolygon (each part its own polygon). */
    static String wkt(GeoShape shape) {
        Rings parts = Rings.of(shape);
        StringBuilder wkt = new StringBuilder("MULTIPOLYGON(");
        for (int p = 0; p < parts.rings().size(); p++) {
            double[] ring = parts.rings().get(p);
            wkt.append(p == 0 ? "((" : ", ((");
            for (int i = 0; i < ring.length; i += 2) {
                wkt.append(String.format(Locale.ROOT, "%.6f %.6f, ", ring[i], ring[i + 1]));
            }
            wkt.append(String.format(Locale.ROOT, "%.6f %.6f))", ring[0], ring[1]));
        }
        return wkt.append(")").toString();
    }

    /** The rings of a shape back in longitude/latitude. */
    record Rings(List<double[]> rings) {
        static Rings of(GeoShape shape) {
            List<double[]> rings = new ArrayList<>();
            // Read the parts through a path with no simplification (tolerance 0), then convert back.
            MapViewport z20 = MapViewport.fit(shape.bounds(), 2000, 2000, 10, 20);
            var path = shape.toPath(z20, true, 0);
            var iterator = path.getPathIterator(null);
            double[] coords = new double[6];
            List<Double> ring = new ArrayList<>();
            while (!iterator.isDone()) {
                int type = iterator.currentSegment(coords);
                if (type == java.awt.geom.PathIterator.SEG_MOVETO && !ring.isEmpty()) {
                    rings.add(ring.stream().mapToDouble(Double::doubleValue).toArray());
                    ring.clear();
                }
                if (type == java.awt.geom.PathIterator.SEG_MOVETO || type == java.awt.geom.PathIterator.SEG_LINETO) {
                    ring.add(z20.lonAt(coords[0]));
                    ring.add(z20.latAt(coords[1]));
                }
                iterator.next();
            }
            if (!ring.isEmpty()) {
                rings.add(ring.stream().mapToDouble(Double::doubleValue).toArray());
            }
            return new Rings(rings.stream().filter(r -> r.length >= 6).toList());
        }
    }

    /**
     * Computes, from the incidents stored, a grid of counts per {@code cellMetres} Web Mercator cell smoothed
     * with a 3x3 kernel, and stores it as a run of {@code kind} with its ten densest cells as ranked hotspots.
     */
    public static UUID insertDensityRun(Database database, String kind, double cellMetres) {
        UUID runId = UUID.randomUUID();
        database.inTransaction(connection -> {
            List<double[]> points = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT lon, lat FROM incident WHERE lon IS NOT NULL"); ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    points.add(new double[] {mercatorX(rs.getDouble(1)), mercatorY(rs.getDouble(2))});
                }
            }
            double minX = points.stream().mapToDouble(p -> p[0]).min().orElse(0) - cellMetres;
            double minY = points.stream().mapToDouble(p -> p[1]).min().orElse(0) - cellMetres;
            double maxX = points.stream().mapToDouble(p -> p[0]).max().orElse(0) + cellMetres;
            double maxY = points.stream().mapToDouble(p -> p[1]).max().orElse(0) + cellMetres;
            int cols = (int) Math.ceil((maxX - minX) / cellMetres);
            int rows = (int) Math.ceil((maxY - minY) / cellMetres);
            double[] counts = new double[cols * rows];
            for (double[] p : points) {
                int c = (int) ((p[0] - minX) / cellMetres);
                int r = (int) ((p[1] - minY) / cellMetres);
                counts[r * cols + c]++;
            }
            double[] smooth = new double[counts.length];
            double cellKm2 = cellMetres * cellMetres / 1e6;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    double sum = 0;
                    for (int dr = -1; dr <= 1; dr++) {
                        for (int dc = -1; dc <= 1; dc++) {
                            int rr = r + dr;
                            int cc = c + dc;
                            if (rr >= 0 && rr < rows && cc >= 0 && cc < cols) {
                                sum += counts[rr * cols + cc] * (dr == 0 && dc == 0 ? 4 : dr == 0 || dc == 0 ? 2 : 1);
                            }
                        }
                    }
                    smooth[r * cols + c] = sum / 16 / cellKm2;
                }
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO analysis_run (id, kind, parameters, filters, "
                    + "row_count, projection, started_at, elapsed_ms, app_version) VALUES (?, ?, ?, '{}', ?, 'EPSG:3857', ?, 1, 'test')")) {
                statement.setObject(1, runId);
                statement.setString(2, kind);
                statement.setString(3, "{\"fixture\":\"map tests\",\"cellMetres\":" + cellMetres + "}");
                statement.setLong(4, points.size());
                statement.setObject(5, now);
                statement.executeUpdate();
            }
            ByteBuffer bytes = ByteBuffer.allocate(smooth.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asDoubleBuffer().put(smooth);
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO grid_result (id, run_id, name, crs, origin_x, "
                    + "origin_y, cell_size, columns_count, rows_count, unit, cell_values) VALUES (?, ?, 'density', "
                    + "'EPSG:3857 WGS 84 / Pseudo-Mercator', ?, ?, ?, ?, ?, 'incidents per km²', ?)")) {
                statement.setObject(1, UUID.randomUUID());
                statement.setObject(2, runId);
                statement.setDouble(3, minX);
                statement.setDouble(4, minY);
                statement.setDouble(5, cellMetres);
                statement.setInt(6, cols);
                statement.setInt(7, rows);
                statement.setBytes(8, bytes.array());
                statement.executeUpdate();
            }
            List<int[]> cells = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                cells.add(new int[] {i, (int) counts[i]});
            }
            cells.sort(Comparator.comparingInt((int[] c) -> c[1]).reversed());
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO hotspot (id, run_id, rank, label, geom, "
                    + "incident_count, area_m2, density_per_km2) VALUES (?, ?, ?, ?, ST_MakeEnvelope(?, ?, ?, ?, 4326), ?, ?, ?)")) {
                for (int rank = 1; rank <= Math.min(10, cells.size()); rank++) {
                    int cell = cells.get(rank - 1)[0];
                    int c = cell % cols;
                    int r = cell / cols;
                    double x0 = minX + c * cellMetres;
                    double y0 = minY + r * cellMetres;
                    statement.setObject(1, UUID.randomUUID());
                    statement.setObject(2, runId);
                    statement.setInt(3, rank);
                    statement.setString(4, "Hotspot " + rank);
                    statement.setDouble(5, WebMercator.lonFromMetres(x0));
                    statement.setDouble(6, WebMercator.latFromMetres(y0));
                    statement.setDouble(7, WebMercator.lonFromMetres(x0 + cellMetres));
                    statement.setDouble(8, WebMercator.latFromMetres(y0 + cellMetres));
                    statement.setLong(9, cells.get(rank - 1)[1]);
                    statement.setDouble(10, cellMetres * cellMetres);
                    statement.setDouble(11, cells.get(rank - 1)[1] / (cellMetres * cellMetres / 1e6));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
        return runId;
    }

    static double mercatorX(double lon) {
        return Math.toRadians(lon) * 6_378_137.0;
    }

    static double mercatorY(double lat) {
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * 6_378_137.0;
    }

    /** A Kuwait data folder for screenshots and manual checks: {@code MapFixtures DIR [count]}. */
    public static void main(String[] args) {
        java.nio.file.Path folder = java.nio.file.Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        try (Database database = org.khareetaty.store.TestDatabases.open(folder)) {
            TestIncidents.insert(database, kuwaitIncidents(count, 7), ZoneId.of("Asia/Kuwait"));
            insertKuwaitGovernorates(database, Basemap.loadBundled());
            insertDensityRun(database, "KDE", 400);
        }
    }
}
