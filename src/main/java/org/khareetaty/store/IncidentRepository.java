package org.khareetaty.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;

/** Reads clean incidents with SQL paging and sorting, so tables stay instant on millions of rows. */
public final class IncidentRepository {

    /** Columns a table may sort by; each maps to an indexed or cheap SQL expression. */
    public enum SortColumn {
        OCCURRED_AT("i.occurred_at"),
        CATEGORY("i.category_code"),
        ADDRESS("i.address"),
        SOURCE_KEY("i.source_key");

        private final String sql;

        SortColumn(String sql) {
            this.sql = sql;
        }
    }

    /** A sort order: a column and a direction. */
    public record Sort(SortColumn column, boolean ascending) {
        public static final Sort NEWEST_FIRST = new Sort(SortColumn.OCCURRED_AT, false);

        String sql() {
            String direction = ascending ? " ASC" : " DESC";
            return column.sql + direction + ", i.id" + direction;
        }
    }

    private static final String COLUMNS = "i.id, i.source_key, i.occurred_at, i.local_date, i.local_hour, "
            + "i.category_code, i.category_source, i.address, i.lon, i.lat, i.time_flag";

    private final Database database;

    public IncidentRepository(Database database) {
        this.database = database;
    }

    public long count(IncidentFilter filter) {
        IncidentSql sql = IncidentSql.of(filter);
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT COUNT(*) FROM incident i WHERE " + sql.where())) {
                sql.bind(statement, 1);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public List<IncidentRow> page(IncidentFilter filter, Sort sort, long offset, int limit) {
        IncidentSql sql = IncidentSql.of(filter);
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM incident i WHERE " + sql.where() + " ORDER BY " + sort.sql() + " LIMIT ? OFFSET ?")) {
                int next = sql.bind(statement, 1);
                statement.setInt(next++, limit);
                statement.setLong(next, offset);
                try (ResultSet rs = statement.executeQuery()) {
                    List<IncidentRow> rows = new ArrayList<>(limit);
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                    return rows;
                }
            }
        });
    }

    /** One incident by id (for details shown from the map), or empty when it no longer exists. */
    public java.util.Optional<IncidentRow> find(UUID id) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM incident i WHERE i.id = ?")) {
                statement.setObject(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? java.util.Optional.of(read(rs)) : java.util.Optional.<IncidentRow>empty();
                }
            }
        });
    }

    static IncidentRow read(ResultSet rs) throws SQLException {
        double lon = rs.getDouble(9);
        Double lonValue = rs.wasNull() ? null : lon;
        double lat = rs.getDouble(10);
        Double latValue = rs.wasNull() ? null : lat;
        return new IncidentRow(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getDate(4).toLocalDate(),
                rs.getInt(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                lonValue,
                latValue,
                rs.getString(11));
    }
}
