package org.khareetaty.analysis.forecast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.store.AnalysisRunRepository;
import org.khareetaty.store.Database;
import org.khareetaty.store.StoreException;

/**
 * Stores forecast and backtest runs: one {@code analysis_run} row each (kind FORECAST, BACKTEST_COUNTS or
 * BACKTEST_HOTSPOTS, with parameters, filters and data range as JSON), plus {@code forecast_point},
 * {@code backtest_score} and {@code grid_result} rows, all in one transaction.
 */
public final class ForecastStore {

    public static final String KIND_FORECAST = "FORECAST";
    public static final String KIND_BACKTEST_COUNTS = "BACKTEST_COUNTS";
    public static final String KIND_BACKTEST_HOTSPOTS = "BACKTEST_HOTSPOTS";
    public static final String KIND_HOTSPOT_FORECAST = "HOTSPOT_FORECAST";

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What every run records about itself. */
    public record RunInfo(String kind, Map<String, Object> parameters, Object filter, LocalDate dataFrom,
            LocalDate dataTo, long rowCount, Object summary, Instant startedAt, long elapsedMs, String appVersion) {
    }

    /** A run as listed for the user. */
    public record StoredRun(UUID id, String kind, Instant startedAt, LocalDate dataFrom, LocalDate dataTo,
            long rowCount, long elapsedMs, String parametersJson, String summaryJson) {
    }

    /** The stored forecast of one series. */
    public record StoredForecast(UUID runId, Instant computedAt, String seriesKey, UUID areaId, String categoryGroup,
            List<ForecastPoint> points) {
    }

    private final Database database;
    private final Settings settings;

    public ForecastStore(Database database, Settings settings) {
        this.database = database;
        this.settings = settings;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write JSON", e);
        }
    }

    /** Inserts the run row inside a transaction the caller already holds; returns its id. */
    UUID insertRun(Connection connection, RunInfo info) throws SQLException {
        UUID id = UUID.randomUUID();
        ZoneId zone = settings.get(Settings.AGENCY_ZONE);
        AnalysisRunRepository.insertRun(connection, new AnalysisRunRepository.RunRow(id, info.kind(),
                json(info.parameters()), json(info.filter()),
                info.dataFrom() == null ? null : info.dataFrom().atStartOfDay(zone).toOffsetDateTime(),
                info.dataTo() == null ? null
                        : info.dataTo().plusDays(1).atStartOfDay(zone).minusNanos(1000).toOffsetDateTime(),
                info.rowCount(),
                KIND_BACKTEST_HOTSPOTS.equals(info.kind()) || KIND_HOTSPOT_FORECAST.equals(info.kind())
                        ? "local azimuthal equidistant (metres)" : null,
                json(info.summary()), System.getProperty("user.name"), info.startedAt(), info.elapsedMs(),
                info.appVersion()));
        return id;
    }

    /** Stores a forecast run with all its points; returns the run id. */
    public UUID saveForecast(RunInfo info, List<SeriesForecast> forecasts) {
        return database.inTransaction(connection -> {
            UUID runId = insertRun(connection, info);
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO forecast_point (id, run_id, "
                    + "series_key, area_id, category_group, period_start, period, mean, lower80, upper80, lower95, upper95, "
                    + "point_forecast) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (SeriesForecast forecast : forecasts) {
                    List<ForecastPoint> points = new ArrayList<>(forecast.daily());
                    points.addAll(forecast.weekly());
                    for (ForecastPoint point : points) {
                        statement.setObject(1, UUID.randomUUID());
                        statement.setObject(2, runId);
                        statement.setString(3, forecast.series().key());
                        statement.setObject(4, forecast.series().areaId());
                        statement.setString(5, forecast.series().categoryGroup());
                        statement.setDate(6, Date.valueOf(point.periodStart()));
                        statement.setString(7, point.period().name());
                        statement.setDouble(8, point.mean());
                        statement.setDouble(9, point.lower80());
                        statement.setDouble(10, point.upper80());
                        statement.setDouble(11, point.lower95());
                        statement.setDouble(12, point.upper95());
                        statement.setDouble(13, point.point());
                        statement.addBatch();
                    }
                }
                statement.executeBatch();
            }
            return runId;
        });
    }

    /** Stores a backtest run with its scores (series key null for the averages over all series). */
    public UUID saveBacktest(RunInfo info, Map<String, List<MethodScore>> scoresBySeries, List<MethodScore> overall) {
        return database.inTransaction(connection -> {
            UUID runId = insertRun(connection, info);
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO backtest_score (id, run_id, "
                    + "method, metric, horizon, series_key, score) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                addScores(statement, runId, null, overall);
                for (Map.Entry<String, List<MethodScore>> entry : scoresBySeries.entrySet()) {
                    addScores(statement, runId, entry.getKey(), entry.getValue());
                }
                statement.executeBatch();
            }
            return runId;
        });
    }

    /** Stores a run that produced rasters only (a hotspot forecast). */
    public UUID saveGrids(RunInfo info, List<AnalysisRunRepository.GridRow> grids) {
        return database.inTransaction(connection -> {
            UUID runId = insertRun(connection, info);
            AnalysisRunRepository.insertGrids(connection, runId, grids);
            return runId;
        });
    }

    private static void addScores(PreparedStatement statement, UUID runId, String seriesKey, List<MethodScore> scores)
            throws SQLException {
        for (MethodScore score : scores) {
            addScore(statement, runId, score.method(), "MASE", score.horizon(), seriesKey, score.mase());
            addScore(statement, runId, score.method(), "MAE", score.horizon(), seriesKey, score.mae());
            addScore(statement, runId, score.method(), "COVERAGE80", score.horizon(), seriesKey, score.coverage80());
            addScore(statement, runId, score.method(), "COVERAGE90", score.horizon(), seriesKey, score.coverage90());
            addScore(statement, runId, score.method(), "COVERAGE95", score.horizon(), seriesKey, score.coverage95());
        }
    }

    static void addScore(PreparedStatement statement, UUID runId, String method, String metric, Integer horizon,
            String seriesKey, Double value) throws SQLException {
        if (value == null || value.isNaN()) {
            return;
        }
        statement.setObject(1, UUID.randomUUID());
        statement.setObject(2, runId);
        statement.setString(3, method);
        statement.setString(4, metric);
        statement.setObject(5, horizon);
        statement.setString(6, seriesKey);
        statement.setDouble(7, value);
        statement.addBatch();
    }

    /** Stores a hotspot backtest: PAI@k, PEI@k and HITRATE@k per method, plus rasters. */
    public UUID saveHotspotBacktest(RunInfo info, List<HotspotBacktest.Score> scores, List<AnalysisRunRepository.GridRow> grids) {
        return database.inTransaction(connection -> {
            UUID runId = insertRun(connection, info);
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO backtest_score (id, run_id, "
                    + "method, metric, horizon, series_key, score) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (HotspotBacktest.Score score : scores) {
                    String at = "@" + new java.math.BigDecimal(score.coveragePercent()).stripTrailingZeros().toPlainString();
                    addScore(statement, runId, score.method(), "PAI" + at, 7, null, score.pai());
                    addScore(statement, runId, score.method(), "PEI" + at, 7, null, score.pei());
                    addScore(statement, runId, score.method(), "HITRATE" + at, 7, null, score.hitRate());
                }
                statement.executeBatch();
            }
            AnalysisRunRepository.insertGrids(connection, runId, grids);
            return runId;
        });
    }

    /**
     * The most recent stored forecast of a series ({@link CountSeries#key}) with periods of the given length,
     * or empty when none was computed yet.
     */
    public Optional<StoredForecast> latestForecast(String seriesKey, ForecastPoint.Period period) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT r.id, r.started_at, p.area_id, "
                    + "p.category_group, p.period_start, p.point_forecast, p.mean, p.lower80, p.upper80, p.lower95, p.upper95 "
                    + "FROM forecast_point p JOIN analysis_run r ON r.id = p.run_id "
                    + "WHERE p.series_key = ? AND p.period = ? AND r.id = (SELECT r2.id FROM analysis_run r2 "
                    + "JOIN forecast_point p2 ON p2.run_id = r2.id WHERE p2.series_key = ? AND p2.period = ? "
                    + "ORDER BY r2.started_at DESC LIMIT 1) ORDER BY p.period_start")) {
                statement.setString(1, seriesKey);
                statement.setString(2, period.name());
                statement.setString(3, seriesKey);
                statement.setString(4, period.name());
                try (ResultSet rs = statement.executeQuery()) {
                    UUID runId = null;
                    Instant at = null;
                    UUID areaId = null;
                    String group = null;
                    List<ForecastPoint> points = new ArrayList<>();
                    while (rs.next()) {
                        runId = rs.getObject(1, UUID.class);
                        at = rs.getObject(2, OffsetDateTime.class).toInstant();
                        areaId = rs.getObject(3, UUID.class);
                        group = rs.getString(4);
                        points.add(new ForecastPoint(rs.getObject(5, LocalDate.class), period, rs.getDouble(6),
                                rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11)));
                    }
                    return runId == null ? Optional.empty()
                            : Optional.of(new StoredForecast(runId, at, seriesKey, areaId, group, List.copyOf(points)));
                }
            }
        });
    }

    /** Recent runs of a kind, newest first. */
    public List<StoredRun> runs(String kind, int limit) {
        ZoneId zone = settings.get(Settings.AGENCY_ZONE);
        return database.withConnection(connection -> {
            List<StoredRun> runs = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT id, kind, started_at, data_from, data_to, "
                    + "row_count, elapsed_ms, parameters, summary FROM analysis_run WHERE kind = ? "
                    + "ORDER BY started_at DESC LIMIT ?")) {
                statement.setString(1, kind);
                statement.setInt(2, limit);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        OffsetDateTime from = rs.getObject(4, OffsetDateTime.class);
                        OffsetDateTime to = rs.getObject(5, OffsetDateTime.class);
                        runs.add(new StoredRun(rs.getObject(1, UUID.class), rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(),
                                from == null ? null : from.atZoneSameInstant(zone).toLocalDate(),
                                to == null ? null : to.atZoneSameInstant(zone).toLocalDate(),
                                rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9)));
                    }
                }
            }
            return runs;
        });
    }

    /** Reads a run's summary JSON back as the type it was written from. */
    public static <T> T readSummary(StoredRun run, Class<T> type) {
        try {
            return JSON.readValue(run.summaryJson(), type);
        } catch (JsonProcessingException e) {
            throw new StoreException("The stored summary of run " + run.id() + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
