package org.khareetaty.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The one writer of {@code analysis_run} rows and of the rasters ({@code grid_result}) stored with a run, for
 * every analysis (hotspots, forecasts, backtests). Callers pass the connection of the transaction that also
 * writes the run's other rows, so a run is stored whole or not at all.
 */
public final class AnalysisRunRepository {

    /** An {@code analysis_run} row; the JSON columns are serialised by the caller, which knows their types. */
    public record RunRow(UUID id, String kind, String parametersJson, String filtersJson, OffsetDateTime dataFrom,
            OffsetDateTime dataTo, long rowCount, String projection, String summaryJson, String username,
            Instant startedAt, long elapsedMs, String appVersion) {
    }

    /** A raster stored with a run, cells row-major from the south-west corner. */
    public record GridRow(String name, String crs, double originX, double originY, double cellSize, int columns,
            int rows, String unit, double[] values) {
    }

    private AnalysisRunRepository() {
    }

    public static void insertRun(Connection connection, RunRow run) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO analysis_run (id, kind, parameters, "
                + "filters, data_from, data_to, row_count, projection, summary, username, started_at, elapsed_ms, "
                + "app_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setObject(1, run.id());
            statement.setString(2, run.kind());
            statement.setString(3, run.parametersJson());
            statement.setString(4, run.filtersJson());
            statement.setObject(5, run.dataFrom());
            statement.setObject(6, run.dataTo());
            statement.setLong(7, run.rowCount());
            statement.setString(8, run.projection());
            statement.setString(9, run.summaryJson());
            statement.setString(10, run.username());
            statement.setObject(11, run.startedAt() == null ? null : run.startedAt().atOffset(ZoneOffset.UTC));
            statement.setLong(12, run.elapsedMs());
            statement.setString(13, run.appVersion());
            statement.executeUpdate();
        }
    }

    public static void insertGrids(Connection connection, UUID runId, List<GridRow> grids) throws SQLException {
        if (grids.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO grid_result (id, run_id, name, crs, "
                + "origin_x, origin_y, cell_size, columns_count, rows_count, unit, cell_values) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (GridRow grid : grids) {
                statement.setObject(1, UUID.randomUUID());
                statement.setObject(2, runId);
                statement.setString(3, grid.name());
                statement.setString(4, grid.crs());
                statement.setDouble(5, grid.originX());
                statement.setDouble(6, grid.originY());
                statement.setDouble(7, grid.cellSize());
                statement.setInt(8, grid.columns());
                statement.setInt(9, grid.rows());
                statement.setString(10, grid.unit());
                statement.setBytes(11, GridCells.encode(grid.values()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
