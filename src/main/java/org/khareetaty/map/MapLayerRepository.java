package org.khareetaty.map;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.khareetaty.store.Database;
import org.khareetaty.store.GridCells;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Reads what the map draws from the database: imported areas, analysis runs, their hotspots and their
 * grids. Geometries in another SRID than WGS 84 are transformed by H2GIS on the way out.
 */
public final class MapLayerRepository {

    /** Run kinds whose results the map can draw. */
    public static final List<String> HOTSPOT_KINDS = List.of("DBSCAN", "KDE", "GISTAR");
    private static final String LON_LAT = "CASE WHEN ST_SRID(%1$s) IN (0, 4326) THEN %1$s ELSE ST_Transform(%1$s, 4326) END";
    /** Points stored as hotspots (rare) are drawn as small octagons of this radius. */
    private static final double POINT_RADIUS_DEGREES = 0.0005;

    private final Database database;

    public MapLayerRepository(Database database) {
        this.database = database;
    }

    /** Every imported area, ordered by kind and name. */
    public List<MapArea> areas() {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, kind, code, name, population, ST_AsBinary("
                    + String.format(LON_LAT, "geom") + ") FROM area ORDER BY kind, name");
                    ResultSet rs = statement.executeQuery()) {
                List<MapArea> areas = new ArrayList<>();
                while (rs.next()) {
                    long population = rs.getLong(5);
                    Long populationValue = rs.wasNull() ? null : population;
                    String name = rs.getString(4);
                    areas.add(new MapArea(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), name, populationValue,
                            shape(name, rs.getBytes(6))));
                }
                return areas;
            }
        });
    }

    /** Runs of the given kinds, newest first. */
    public List<AnalysisRunInfo> runs(Collection<String> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return database.withConnection(connection -> {
            String placeholders = String.join(", ", java.util.Collections.nCopies(kinds.size(), "?"));
            try (PreparedStatement statement = connection.prepareStatement("SELECT r.id, r.kind, r.started_at, r.row_count, r.parameters, "
                    + "(SELECT COUNT(*) FROM hotspot h WHERE h.run_id = r.id), (SELECT COUNT(*) FROM grid_result g WHERE g.run_id = r.id) "
                    + "FROM analysis_run r WHERE r.kind IN (" + placeholders + ") ORDER BY r.started_at DESC, r.id")) {
                int i = 1;
                for (String kind : kinds) {
                    statement.setString(i++, kind);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    List<AnalysisRunInfo> runs = new ArrayList<>();
                    while (rs.next()) {
                        runs.add(new AnalysisRunInfo(rs.getObject(1, UUID.class), rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getLong(4), rs.getString(5), rs.getInt(6), rs.getInt(7)));
                    }
                    return runs;
                }
            }
        });
    }

    /** The hotspots of a run, by rank. */
    public List<MapHotspot> hotspots(UUID runId) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, rank, label, ST_AsBinary("
                    + String.format(LON_LAT, "geom") + "), incident_count, density_per_km2, z_score, p_value, confidence "
                    + "FROM hotspot WHERE run_id = ? ORDER BY rank")) {
                statement.setObject(1, runId);
                try (ResultSet rs = statement.executeQuery()) {
                    List<MapHotspot> hotspots = new ArrayList<>();
                    while (rs.next()) {
                        String label = rs.getString(3);
                        int rank = rs.getInt(2);
                        hotspots.add(new MapHotspot(rs.getObject(1, UUID.class), rank, label,
                                shape(label == null ? "Hotspot " + rank : label, rs.getBytes(4)), rs.getLong(5), rs.getDouble(6),
                                nullableDouble(rs, 7), nullableDouble(rs, 8), nullableInt(rs, 9)));
                    }
                    return hotspots;
                }
            }
        });
    }

    /** The grids stored with a run (density surface, z-scores, risk). */
    public List<GridData> grids(UUID runId) {
        return database.withConnection(connection -> {
            String kind = runKind(connection, runId);
            try (PreparedStatement statement = connection.prepareStatement("SELECT name, crs, origin_x, origin_y, cell_size, "
                    + "columns_count, rows_count, unit, cell_values FROM grid_result WHERE run_id = ? ORDER BY name")) {
                statement.setObject(1, runId);
                try (ResultSet rs = statement.executeQuery()) {
                    List<GridData> grids = new ArrayList<>();
                    while (rs.next()) {
                        double[] values = GridCells.decode(rs.getBytes(9));
                        grids.add(new GridData(runId, kind, rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getInt(6), rs.getInt(7), rs.getString(8), values));
                    }
                    return grids;
                }
            }
        });
    }

    private static String runKind(Connection connection, UUID runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT kind FROM analysis_run WHERE id = ?")) {
            statement.setObject(1, runId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static GeoShape shape(String name, byte[] wkb) throws SQLException {
        try {
            return shape(name, new WKBReader().read(wkb));
        } catch (ParseException e) {
            throw new SQLException("Unreadable geometry of '" + name + "': " + e.getMessage(), e);
        }
    }

    /** Polygon rings (outer and holes) and line strings as parts; points as small octagons. */
    static GeoShape shape(String name, Geometry geometry) {
        List<double[]> parts = new ArrayList<>();
        for (int g = 0; g < geometry.getNumGeometries(); g++) {
            Geometry part = geometry.getGeometryN(g);
            if (part instanceof Polygon polygon) {
                parts.add(coordinates(polygon.getExteriorRing()));
                for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                    parts.add(coordinates(polygon.getInteriorRingN(h)));
                }
            } else if (part instanceof LineString line) {
                parts.add(coordinates(line));
            } else if (part instanceof Point point) {
                double[] octagon = new double[16];
                for (int k = 0; k < 8; k++) {
                    double angle = Math.PI / 4 * k;
                    octagon[2 * k] = point.getX() + POINT_RADIUS_DEGREES * Math.cos(angle);
                    octagon[2 * k + 1] = point.getY() + POINT_RADIUS_DEGREES * Math.sin(angle);
                }
                parts.add(octagon);
            }
        }
        return GeoShape.ofLonLat(name, parts);
    }

    private static double[] coordinates(LineString line) {
        double[] xy = new double[line.getNumPoints() * 2];
        for (int i = 0; i < line.getNumPoints(); i++) {
            xy[2 * i] = line.getCoordinateN(i).x;
            xy[2 * i + 1] = line.getCoordinateN(i).y;
        }
        return xy;
    }
}
