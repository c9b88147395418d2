package org.khareetaty.store;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;

/**
 * Turns an {@link IncidentFilter} into a parameterised WHERE clause over {@code incident i}, so every
 * query in the product filters the same way. Values are always bound, never concatenated.
 */
public final class IncidentSql {

    private final String where;
    private final List<Object> parameters;

    private IncidentSql(String where, List<Object> parameters) {
        this.where = where;
        this.parameters = parameters;
    }

    public static IncidentSql of(IncidentFilter filter) {
        List<String> clauses = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filter.from() != null) {
            clauses.add("i.local_date >= ?");
            parameters.add(Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            clauses.add("i.local_date <= ?");
            parameters.add(Date.valueOf(filter.to()));
        }
        if (!filter.categories().isEmpty()) {
            clauses.add("i.category_code IN (" + placeholders(filter.categories().size()) + ")");
            parameters.addAll(filter.categories().stream().sorted().toList());
        }
        if (!filter.areas().isEmpty()) {
            clauses.add("EXISTS (SELECT 1 FROM incident_area ia WHERE ia.incident_id = i.id AND ia.area_id IN ("
                    + placeholders(filter.areas().size()) + "))");
            parameters.addAll(filter.areas().stream().sorted().toList());
        }
        if (filter.selection() != null) {
            IncidentFilter.BoundingBox box = filter.selection();
            clauses.add("i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?");
            parameters.add(box.minLon());
            parameters.add(box.maxLon());
            parameters.add(box.minLat());
            parameters.add(box.maxLat());
            if (box.isLasso()) {
                clauses.add("ST_Contains(ST_GeomFromText(?, 4326), ST_SetSRID(ST_MakePoint(i.lon, i.lat), 4326))");
                parameters.add(box.lassoWkt());
            }
        }
        if (!filter.hours().isEmpty()) {
            clauses.add("i.local_hour IN (" + placeholders(filter.hours().size()) + ")");
            parameters.addAll(filter.hours().stream().sorted().toList());
        }
        if (!filter.weekdays().isEmpty()) {
            // local_dow is ISO: 1 = Monday ... 7 = Sunday, the same numbering as DayOfWeek.getValue().
            clauses.add("i.local_dow IN (" + placeholders(filter.weekdays().size()) + ")");
            parameters.addAll(filter.weekdays().stream().map(DayOfWeek::getValue).sorted().toList());
        }
        String where = clauses.isEmpty() ? "TRUE" : String.join(" AND ", clauses);
        return new IncidentSql(where, List.copyOf(parameters));
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /** The condition, to be placed after {@code WHERE} in a query over {@code incident i}. */
    public String where() {
        return where;
    }

    /** Whether the filter lets every incident through (the condition is {@code TRUE}). */
    public boolean selectsAll() {
        return parameters.isEmpty() && "TRUE".equals(where);
    }

    public List<Object> parameters() {
        return parameters;
    }

    /** Binds the filter's parameters starting at {@code firstIndex}; returns the next free index. */
    public int bind(PreparedStatement statement, int firstIndex) throws SQLException {
        int index = firstIndex;
        for (Object value : parameters) {
            if (value instanceof UUID uuid) {
                statement.setObject(index++, uuid);
            } else {
                statement.setObject(index++, value);
            }
        }
        return index;
    }
}
