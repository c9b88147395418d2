package org.khareetaty.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A value the server discarded while merging, with the value it kept and the rule that decided. */
public record SyncConflict(long serverId, Instant resolvedAt, SyncEntity entity, UUID entityId, String field,
        String keptValue, String discardedValue, String rule) {

    /**
     * Reads every row of {@code rs}, whose columns are, in order: server id, resolved at, entity, entity id,
     * field, kept value, discarded value, rule (the same on the server and in the local copy).
     */
    static List<SyncConflict> readAll(ResultSet rs) throws SQLException {
        List<SyncConflict> out = new ArrayList<>();
        while (rs.next()) {
            out.add(new SyncConflict(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                    SyncEntity.parse(rs.getString(3)), rs.getObject(4, UUID.class), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8)));
        }
        return out;
    }
}
