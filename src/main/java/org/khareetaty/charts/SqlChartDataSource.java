package org.khareetaty.charts;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentSql;

/**
 * Chart counts by GROUP BY queries on the database. Reads nothing into memory beforehand, so it suits a single
 * chart (CLI, reports); on millions of rows each query takes seconds, which is why the pane uses the snapshot.
 */
public final class SqlChartDataSource implements ChartDataSource {

    private final Database database;

    public SqlChartDataSource(Database database) {
        this.database = database;
    }

    @Override
    public TimeCounts countsOverTime(IncidentFilter filter, DateWindow window, TimeGranularity granularity,
            TaskContext context) {
        TimeBuckets buckets = new TimeBuckets(granularity, window);
        long[] counts = new long[buckets.size()];
        IncidentSql sql = IncidentSql.of(windowed(filter, window));
        query("SELECT i.local_date, COUNT(*) FROM incident i WHERE " + sql.where() + " GROUP BY i.local_date", sql,
                rs -> counts[buckets.indexOf(rs.getDate(1).toLocalDate().toEpochDay())] += rs.getLong(2));
        return new TimeCounts(granularity, window, buckets.starts(), counts);
    }

    @Override
    public CategoryTimeCounts categoriesOverTime(IncidentFilter filter, DateWindow window, TimeGranularity granularity,
            int top, CategoryCatalog categories, TaskContext context) {
        TimeBuckets buckets = new TimeBuckets(granularity, window);
        Map<String, long[]> byCategory = new HashMap<>();
        IncidentSql sql = IncidentSql.of(windowed(filter, window));
        query("SELECT i.local_date, i.category_code, COUNT(*) FROM incident i WHERE " + sql.where()
                + " GROUP BY i.local_date, i.category_code", sql, rs -> {
                    long[] counts = byCategory.computeIfAbsent(rs.getString(2), code -> new long[buckets.size()]);
                    counts[buckets.indexOf(rs.getDate(1).toLocalDate().toEpochDay())] += rs.getLong(3);
                });
        return Aggregates.categoriesOverTime(granularity, window, buckets, byCategory, top, categories);
    }

    @Override
    public HourWeekdayCounts hourWeekday(IncidentFilter filter, DateWindow window, TaskContext context) {
        long[][] counts = new long[7][24];
        IncidentSql sql = IncidentSql.of(windowed(filter, window));
        query("SELECT i.local_dow, i.local_hour, COUNT(*) FROM incident i WHERE " + sql.where()
                + " GROUP BY i.local_dow, i.local_hour", sql,
                rs -> counts[rs.getInt(1) - 1][rs.getInt(2)] += rs.getLong(3));
        return new HourWeekdayCounts(window, counts);
    }

    @Override
    public List<AreaComparison.AreaCounts> areaCounts(IncidentFilter filter, DateWindow window, List<AreaInfo> areas,
            TaskContext context) {
        if (areas.isEmpty()) {
            return List.of();
        }
        DateWindow previous = window.previous();
        DateWindow yearEarlier = window.yearEarlier();
        // One pass over the three windows: from the earliest start to the current window's end.
        IncidentSql sql = IncidentSql.of(filter.withDates(yearEarlier.from().isBefore(previous.from())
                ? yearEarlier.from() : previous.from(), window.to()));
        Map<UUID, long[]> byArea = new HashMap<>();
        String query = "SELECT ia.area_id,"
                + " SUM(CASE WHEN i.local_date BETWEEN ? AND ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN i.local_date BETWEEN ? AND ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN i.local_date BETWEEN ? AND ? THEN 1 ELSE 0 END)"
                + " FROM incident i JOIN incident_area ia ON ia.incident_id = i.id AND ia.kind = ?"
                + " WHERE " + sql.where() + " GROUP BY ia.area_id";
        database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                int index = 1;
                for (DateWindow w : List.of(window, previous, yearEarlier)) {
                    statement.setDate(index++, Date.valueOf(w.from()));
                    statement.setDate(index++, Date.valueOf(w.to()));
                }
                statement.setString(index++, areas.get(0).kind());
                sql.bind(statement, index);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        byArea.put(rs.getObject(1, UUID.class), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    }
                }
            }
            return null;
        });
        List<AreaComparison.AreaCounts> rows = new ArrayList<>(areas.size());
        for (AreaInfo area : areas) {
            long[] counts = byArea.getOrDefault(area.id(), new long[3]);
            rows.add(new AreaComparison.AreaCounts(area, counts[0], counts[1], counts[2]));
        }
        return rows;
    }

    @Override
    public CategoryCounts topCategories(IncidentFilter filter, DateWindow window, int top, CategoryCatalog categories,
            TaskContext context) {
        Map<String, Long> byCode = new HashMap<>();
        IncidentSql sql = IncidentSql.of(windowed(filter, window));
        query("SELECT i.category_code, COUNT(*) FROM incident i WHERE " + sql.where() + " GROUP BY i.category_code",
                sql, rs -> byCode.put(rs.getString(1), rs.getLong(2)));
        return Aggregates.topCategories(window, byCode, top, categories);
    }

    private static IncidentFilter windowed(IncidentFilter filter, DateWindow window) {
        return filter.withDates(window.from(), window.to());
    }

    /** Reads one result row at a time. */
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String query, IncidentSql sql, RowReader reader) {
        database.withConnection((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                sql.bind(statement, 1);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
            return null;
        });
    }
}
