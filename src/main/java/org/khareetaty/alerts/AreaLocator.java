package org.khareetaty.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter.BoundingBox;

/** Finds the area (of a kind) that holds a place, and an area's extent, for routing and the map. */
final class AreaLocator {

    private AreaLocator() {
    }

    /** The area of {@code kind} containing the centre of {@code box}; null when kind is null or none does. */
    static AreaRef locate(Connection connection, String kind, BoundingBox box) throws SQLException {
        if (kind == null || box == null) {
            return null;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, code, name FROM area WHERE kind = ? "
                        + "AND ST_Contains(geom, ST_SetSRID(ST_MakePoint(?, ?), ST_SRID(geom))) LIMIT 1")) {
            statement.setString(1, kind);
            statement.setDouble(2, (box.minLon() + box.maxLon()) / 2);
            statement.setDouble(3, (box.minLat() + box.maxLat()) / 2);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? new AreaRef(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }

    static BoundingBox bbox(Connection connection, UUID areaId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom) FROM area WHERE id = ?")) {
            statement.setObject(1, areaId);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? new BoundingBox(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)) : null;
            }
        }
    }
}
