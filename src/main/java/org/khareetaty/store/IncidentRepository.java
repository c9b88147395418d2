package org.khareetaty.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** Days sorted first when paging in time order; the window grows fourfold until the page is complete. */
    static final long FIRST_WINDOW_DAYS = 7;

    private final Database database;
    private final IncidentSnapshots snapshots;

    /** Counts every incident from {@code snapshots} when the snapshot in memory is of the data as it is now. */
    public IncidentRepository(Database database, IncidentSnapshots snapshots) {
        this.database = database;
        this.snapshots = java.util.Objects.requireNonNull(snapshots);
    }

    public long count(IncidentFilter filter) {
        IncidentSql sql = IncidentSql.of(filter);
        if (sql.selectsAll()) {
            // On incidents kept in H2's row table (imported before the block store, ADR 0013) an exact COUNT(*) walks
            // all 1.5 million rows (4-13 s); the snapshot's count is exact when its data version is the current one.
            java.util.OptionalLong known = snapshots.sizeIfCurrent();
            if (known.isPresent()) {
                return known.getAsLong();
            }
        }
        return database.withConnection(connection -> {
            // Without a WHERE clause H2 asks the table for its row count instead of reading 1.5 million rows
            // (even "WHERE TRUE" made it read them on a database whose incidents are in the row table).
            try (PreparedStatement statement = connection.prepareStatement(countSql(sql))) {
                sql.bind(statement, 1);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static String countSql(IncidentSql sql) {
        return "SELECT COUNT(*) FROM incident i" + (sql.selectsAll() ? "" : " WHERE " + sql.where());
    }

    /**
     * One page of the filtered incidents in the given order. In time order (the tables' default) only the days
     * next to the newest (or oldest) are sorted, widened until the page is known to be complete: sorting all of
     * 1.5 million incidents for the first 250 took 13 s.
     */
    public List<IncidentRow> page(IncidentFilter filter, Sort sort, long offset, int limit) {
        IncidentSql sql = IncidentSql.of(filter);
        return database.withConnection(connection -> {
            if (sort.column() != SortColumn.OCCURRED_AT) {
                return page(connection, sql, sort, null, offset, limit);
            }
            LocalDate[] stored = storedDays(connection);
            if (stored == null) {
                return List.of();
            }
            LocalDate first = filter.from() != null && filter.from().isAfter(stored[0]) ? filter.from() : stored[0];
            LocalDate last = filter.to() != null && filter.to().isBefore(stored[1]) ? filter.to() : stored[1];
            for (long days = FIRST_WINDOW_DAYS; ; days *= 4) {
                LocalDate[] window = sort.ascending()
                        ? new LocalDate[] {first, min(last, first.plusDays(days))}
                        : new LocalDate[] {max(first, last.minusDays(days)), last};
                List<IncidentRow> rows = page(connection, sql, sort, window, offset, limit);
                boolean wholeRange = !window[0].isAfter(first) && !window[1].isBefore(last);
                if (wholeRange || rows.size() == limit && beyondOtherDays(rows.get(rows.size() - 1), window, sort)) {
                    return rows;
                }
            }
        });
    }

    /**
     * Whether no incident outside the window of local days can come before {@code lastOfPage}: a local day is
     * less than a day from the UTC one, so outside incidents are over a day from the window's inner edge.
     */
    private static boolean beyondOtherDays(IncidentRow lastOfPage, LocalDate[] window, Sort sort) {
        if (sort.ascending()) {
            return !lastOfPage.occurredAt().isAfter(window[1].atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        return !lastOfPage.occurredAt().isBefore(window[0].plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static List<IncidentRow> page(Connection connection, IncidentSql sql, Sort sort, LocalDate[] days,
            long offset, int limit) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS + " FROM incident i WHERE "
                + sql.where() + (days == null ? "" : " AND i.local_date BETWEEN ? AND ?") + " ORDER BY " + sort.sql()
                + " LIMIT ? OFFSET ?")) {
            int next = sql.bind(statement, 1);
            if (days != null) {
                statement.setObject(next++, days[0]);
                statement.setObject(next++, days[1]);
            }
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
    }

    /** The first and last local day stored (from the blocks' day ranges, not a scan), or null when empty. */
    private static LocalDate[] storedDays(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MIN(local_date), MAX(local_date) FROM incident");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() && rs.getDate(1) != null
                    ? new LocalDate[] {rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()} : null;
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
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
