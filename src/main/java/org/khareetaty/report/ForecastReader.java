package org.khareetaty.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads stored forecasts (tables {@code forecast_point}, {@code backtest_score}) as weekly series:
 * weekly points as stored, daily points summed into ISO weeks (their intervals cannot be summed, so
 * they are left out rather than made up).
 */
final class ForecastReader {

    private ForecastReader() {
    }

    /** The most recent run with forecast points for the series of {@code areaId} (null = whole jurisdiction). */
    static Optional<StoredForecast> latest(Connection connection, UUID areaId) throws SQLException {
        String areaCondition = areaId == null ? "fp.area_id IS NULL" : "fp.area_id = ?";
        try (PreparedStatement statement = connection.prepareStatement("SELECT r.id, r.kind, r.parameters, r.started_at, "
                + "r.app_version, fp.series_key FROM analysis_run r JOIN forecast_point fp ON fp.run_id = r.id "
                + "WHERE " + areaCondition + " AND fp.category_group IS NULL ORDER BY r.started_at DESC, fp.series_key LIMIT 1")) {
            if (areaId != null) {
                statement.setObject(1, areaId);
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                UUID runId = rs.getObject(1, UUID.class);
                String seriesKey = rs.getString(6);
                return Optional.of(new StoredForecast(runId, rs.getString(2), rs.getString(3),
                        HotspotRuns.instant(rs, 4), rs.getString(5), seriesKey,
                        weeklyPoints(connection, runId, seriesKey), backtests(connection, runId)));
            }
        }
    }

    /** Next-week points of every area series of the run with no category split, by area id. */
    static Map<UUID, StoredForecast.Point> areaWeek(Connection connection, UUID runId, LocalDate monday)
            throws SQLException {
        Map<UUID, StoredForecast.Point> byArea = new java.util.HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT DISTINCT fp.area_id, fp.series_key "
                + "FROM forecast_point fp WHERE fp.run_id = ? AND fp.area_id IS NOT NULL AND fp.category_group IS NULL")) {
            statement.setObject(1, runId);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    UUID area = rs.getObject(1, UUID.class);
                    weeklyPoints(connection, runId, rs.getString(2)).stream()
                            .filter(p -> p.periodStart().equals(monday)).findFirst()
                            .ifPresent(p -> byArea.put(area, p));
                }
            }
        }
        return byArea;
    }

    static List<StoredForecast.Point> weeklyPoints(Connection connection, UUID runId, String seriesKey)
            throws SQLException {
        Map<LocalDate, double[]> days = new TreeMap<>();
        List<StoredForecast.Point> weeks = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT period_start, period, mean, lower80, "
                + "upper80, lower95, upper95 FROM forecast_point WHERE run_id = ? AND series_key = ? ORDER BY period_start")) {
            statement.setObject(1, runId);
            statement.setString(2, seriesKey);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    LocalDate start = rs.getDate(1).toLocalDate();
                    if ("WEEK".equalsIgnoreCase(rs.getString(2))) {
                        weeks.add(new StoredForecast.Point(start, "WEEK", rs.getDouble(3), rs.getDouble(4),
                                rs.getDouble(5), rs.getDouble(6), rs.getDouble(7)));
                    } else {
                        LocalDate monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                        double[] sum = days.computeIfAbsent(monday, m -> new double[2]);
                        sum[0] += rs.getDouble(3);
                        sum[1]++;
                    }
                }
            }
        }
        days.forEach((monday, sum) -> {
            if (sum[1] == 7) {  // only whole weeks: a partial week's sum would look like a drop
                weeks.add(new StoredForecast.Point(monday, "DAY×7", sum[0], Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            }
        });
        weeks.sort(java.util.Comparator.comparing(StoredForecast.Point::periodStart));
        return weeks;
    }

    /** Backtest scores of the run itself, else of the latest run that stored any. */
    static List<StoredForecast.Backtest> backtests(Connection connection, UUID runId) throws SQLException {
        List<StoredForecast.Backtest> own = backtestsOf(connection, runId);
        if (!own.isEmpty()) {
            return own;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT r.id FROM analysis_run r WHERE EXISTS "
                + "(SELECT 1 FROM backtest_score b WHERE b.run_id = r.id) ORDER BY r.started_at DESC LIMIT 1");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() ? backtestsOf(connection, rs.getObject(1, UUID.class)) : List.of();
        }
    }

    private static List<StoredForecast.Backtest> backtestsOf(Connection connection, UUID runId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT method, metric, horizon, series_key, score "
                + "FROM backtest_score WHERE run_id = ? ORDER BY metric, method, horizon, series_key LIMIT 40")) {
            statement.setObject(1, runId);
            try (ResultSet rs = statement.executeQuery()) {
                List<StoredForecast.Backtest> scores = new ArrayList<>();
                while (rs.next()) {
                    scores.add(new StoredForecast.Backtest(rs.getString(1), rs.getString(2),
                            HotspotRuns.nullableInt(rs, 3), rs.getString(4), rs.getDouble(5)));
                }
                return scores;
            }
        }
    }
}
