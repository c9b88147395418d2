package org.khareetaty.analysis.hotspot;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.khareetaty.store.Database;
import org.locationtech.jts.geom.Geometry;

/** Reads area boundaries (WGS 84) for Gi* over areas. */
public final class AreaBoundaries {

    private final Database database;

    public AreaBoundaries(Database database) {
        this.database = database;
    }

    /** Area id to boundary for every area of the kind. */
    public Map<UUID, Geometry> boundaries(String kind) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, geom FROM area WHERE kind = ?")) {
                statement.setString(1, kind);
                try (ResultSet rs = statement.executeQuery()) {
                    Map<UUID, Geometry> boundaries = new LinkedHashMap<>();
                    while (rs.next()) {
                        boundaries.put(rs.getObject(1, UUID.class), (Geometry) rs.getObject(2));
                    }
                    return boundaries;
                }
            }
        });
    }
}
