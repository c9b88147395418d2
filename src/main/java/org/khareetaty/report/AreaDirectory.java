package org.khareetaty.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.khareetaty.store.Database;
import org.locationtech.jts.geom.Geometry;

/** Finds areas by what a person types (id, code, name or kind:code) and reads their shapes for maps. */
public final class AreaDirectory {

    private final Database database;

    public AreaDirectory(Database database) {
        this.database = database;
    }

    /**
     * Resolves one area from an id, a code, a name or {@code kind:code}; the message lists the candidates
     * when the text is ambiguous and says what exists when nothing matches.
     */
    public AreaRef resolve(String text) {
        String wanted = text.strip();
        List<AreaRef> all = all();
        List<AreaRef> matches = new ArrayList<>();
        for (AreaRef area : all) {
            if (area.id().toString().equalsIgnoreCase(wanted)
                    || (area.kind() + ":" + area.code()).equalsIgnoreCase(wanted)) {
                return area;
            }
            if (area.code().equalsIgnoreCase(wanted) || area.name().equalsIgnoreCase(wanted)) {
                matches.add(area);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            String kinds = all.stream().map(AreaRef::kind).distinct().sorted().toList().toString();
            throw new IllegalArgumentException("No area matches '" + text + "'"
                    + (all.isEmpty() ? ": no areas are loaded yet" : " (area kinds loaded: " + kinds
                    + "; use a code, a name or kind:code)"));
        }
        throw new IllegalArgumentException("'" + text + "' matches several areas: " + matches.stream()
                .map(a -> a.kind() + ":" + a.code()).toList() + "; use kind:code");
    }

    public List<AreaRef> all() {
        return database.withConnection(AreaDirectory::all);
    }

    static List<AreaRef> all(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, kind, code, name FROM area ORDER BY kind, code");
                ResultSet rs = statement.executeQuery()) {
            List<AreaRef> areas = new ArrayList<>();
            while (rs.next()) {
                areas.add(new AreaRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return areas;
        }
    }

    /** The kind reports draw and rank by: "district" when loaded, else the kind with the fewest areas. */
    static String reportingKind(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT kind, COUNT(*) FROM area GROUP BY kind ORDER BY CASE WHEN LOWER(kind) = 'district' THEN 0 ELSE 1 END, "
                        + "COUNT(*), kind LIMIT 1");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** An area's name and outline in WGS 84. */
    public record Shape(AreaRef area, Geometry geometry) {
    }

    static List<Shape> shapes(Connection connection, String where, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, kind, code, name, "
                + "CASE WHEN ST_SRID(geom) IN (0, 4326) THEN geom ELSE ST_Transform(geom, 4326) END "
                + "FROM area WHERE " + where + " ORDER BY code")) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<Shape> shapes = new ArrayList<>();
                while (rs.next()) {
                    shapes.add(new Shape(new AreaRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4)), (Geometry) rs.getObject(5)));
                }
                return shapes;
            }
        }
    }
}
