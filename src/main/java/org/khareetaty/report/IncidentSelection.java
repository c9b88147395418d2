package org.khareetaty.report;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.store.IncidentSql;

/**
 * A parameterised condition over {@code incident i} for report queries: the shared filter, the members
 * of a hotspot, or the incidents inside a hotspot's shape, combined with AND. Values are always bound.
 */
public final class IncidentSelection {

    private final String where;
    private final List<Object> parameters;

    private IncidentSelection(String where, List<Object> parameters) {
        this.where = where;
        this.parameters = List.copyOf(parameters);
    }

    public static IncidentSelection of(IncidentFilter filter) {
        IncidentSql sql = IncidentSql.of(filter);
        return new IncidentSelection(sql.where(), sql.parameters());
    }

    /** Incidents the hotspot analysis assigned to the hotspot (table {@code hotspot_incident}). */
    public static IncidentSelection membersOf(UUID hotspotId) {
        return new IncidentSelection(
                "i.id IN (SELECT hi.incident_id FROM hotspot_incident hi WHERE hi.hotspot_id = ?)", List.of(hotspotId));
    }

    /** Located incidents inside the hotspot's shape (for hotspots stored without member lists, e.g. grid cells). */
    public static IncidentSelection insideOf(Hotspot hotspot) {
        var envelope = hotspot.geometry().getEnvelopeInternal();
        List<Object> parameters = new ArrayList<>(List.of(envelope.getMinX(), envelope.getMaxX(),
                envelope.getMinY(), envelope.getMaxY(), hotspot.id()));
        return new IncidentSelection("i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ? AND ST_Intersects(i.geom, "
                + "(SELECT " + HotspotRuns.GEOMETRY_WGS84 + " FROM hotspot h WHERE h.id = ?))", parameters);
    }

    public static IncidentSelection dates(LocalDate from, LocalDate to) {
        return new IncidentSelection("i.local_date BETWEEN ? AND ?", List.of(Date.valueOf(from), Date.valueOf(to)));
    }

    public IncidentSelection and(IncidentSelection other) {
        List<Object> combined = new ArrayList<>(parameters);
        combined.addAll(other.parameters);
        return new IncidentSelection("(" + where + ") AND (" + other.where + ")", combined);
    }

    public String where() {
        return where;
    }

    /** Binds the parameters from {@code firstIndex}; returns the next free index. */
    public int bind(PreparedStatement statement, int firstIndex) throws SQLException {
        int index = firstIndex;
        for (Object value : parameters) {
            statement.setObject(index++, value);
        }
        return index;
    }
}
