package org.khareetaty.store.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.khareetaty.store.HotspotMembers;

/**
 * Hotspot membership as one sorted id list per hotspot instead of one row per incident (ADR 0023).
 * Java, because the existing rows are regrouped into the new encoding.
 */
public final class V2__Hotspot_members_compact extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE hotspot_member ("
                    + "hotspot_id UUID PRIMARY KEY REFERENCES hotspot(id) ON DELETE CASCADE, "
                    + "member_count INTEGER NOT NULL, "
                    + "incident_ids BLOB NOT NULL)");
            try (ResultSet rs = statement.executeQuery(
                    "SELECT hotspot_id, incident_id FROM hotspot_incident ORDER BY hotspot_id")) {
                UUID current = null;
                List<UUID> members = new ArrayList<>();
                while (rs.next()) {
                    UUID hotspot = rs.getObject(1, UUID.class);
                    if (!hotspot.equals(current) && current != null) {
                        HotspotMembers.write(connection, current, members.toArray(UUID[]::new));
                        members.clear();
                    }
                    current = hotspot;
                    members.add(rs.getObject(2, UUID.class));
                }
                if (current != null) {
                    HotspotMembers.write(connection, current, members.toArray(UUID[]::new));
                }
            }
            statement.execute("DROP TABLE hotspot_incident");
            statement.execute("CREATE ALIAS HOTSPOT_MEMBER_IDS FOR \"" + HotspotMembers.class.getName() + ".memberIds\"");
        }
    }
}
