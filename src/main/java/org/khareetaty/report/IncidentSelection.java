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

    private static final String ALL_INCIDENTS = "incident i";

    private final String from;
    private final List<Object> fromParameters;
    private final String where;
    private final List<Object> parameters;

    private IncidentSelection(String where, List<Object> parameters) {
        this(ALL_INCIDENTS, List.of(), where, parameters);
    }

    private IncidentSelection(String from, List<Object> fromParameters, String where, List<Object> parameters) {
        this.from = from;
        this.fromParameters = List.copyOf(fromParameters);
        this.where = where;
        this.parameters = List.copyOf(parameters);
    }

    public static IncidentSelection of(IncidentFilter filter) {
        IncidentSql sql = IncidentSql.of(filter);
        return new IncidentSelection(sql.where(), sql.parameters());
    }

    /**
     * Incidents the hotspot analysis assigned to the hotspot (table {@code hotspot_member}), as a join: H2
     * evaluates a table function once for a join but once per probe inside {@code IN (...)}, which made a
     * hotspot of a million incidents take hours.
     */
    public static IncidentSelection membersOf(UUID hotspotId) {
        return new IncidentSelection("HOTSPOT_MEMBER_IDS(?) m JOIN incident i ON i.id = m.incident_id",
                List.of(hotspotId), "TRUE", List.of());
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
        if (!from.equals(ALL_INCIDENTS) && !other.from.equals(ALL_INCIDENTS)) {
            throw new IllegalArgumentException("Cannot combine two selections that each join their own source");
        }
        IncidentSelection source = from.equals(ALL_INCIDENTS) ? other : this;
        List<Object> combined = new ArrayList<>(parameters);
        combined.addAll(other.parameters);
        return new IncidentSelection(source.from, source.fromParameters, "(" + where + ") AND (" + other.where + ")",
                combined);
    }

    /** What to put after {@code FROM}: the incidents as {@code i}, joined to what selects them when needed. */
    public String from() {
        return from;
    }

    public String where() {
        return where;
    }

    /**
     * Binds the parameters of {@link #from()} and then of {@link #where()} from {@code firstIndex}; the query
     * must have no other parameter between them. Returns the next free index.
     */
    public int bind(PreparedStatement statement, int firstIndex) throws SQLException {
        int index = firstIndex;
        for (Object value : fromParameters) {
            statement.setObject(index++, value);
        }
        for (Object value : parameters) {
            statement.setObject(index++, value);
        }
        return index;
    }
}
