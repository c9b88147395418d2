package org.khareetaty.analysis.forecast;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.events.DataEvents;
import org.khareetaty.store.AnalysisRunRepository;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentSnapshot;
import org.khareetaty.store.IncidentSnapshots;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * Hotspot forecasts on a grid inside the agency's areas (by default its districts) and their weekly
 * backtest against prior counts and a Gaussian KDE. Runs are stored with their parameters and data range.
 */
public final class HotspotForecastService {

    /** The weekly hotspot backtest: region, first origin, weeks, cell size and coverages in percent. */
    public record BacktestRequest(String regionKind, LocalDate from, int weeks, double cellSizeM, double[] coverages,
            IncidentFilter filter) {
        public BacktestRequest {
            if (weeks < 1 || weeks > 520) {
                throw new IllegalArgumentException("Weeks must be 1 to 520, got " + weeks);
            }
            for (double c : coverages) {
                if (!(c > 0 && c < 100)) {
                    throw new IllegalArgumentException("Coverage must be a percentage between 0 and 100, got " + c);
                }
            }
            filter = filter == null ? IncidentFilter.ALL : filter;
        }
    }

    private final Database database;
    private final IncidentSnapshots snapshots;
    private final ForecastStore store;
    private final Clock clock;
    private final String appVersion;
    private final DataEvents dataEvents;
    private final HotspotModel model = new HotspotModel(HotspotModel.Parameters.DEFAULT);

    public HotspotForecastService(Database database, IncidentSnapshots snapshots, ForecastStore store, Clock clock,
            String appVersion, DataEvents events) {
        this.dataEvents = events;
        this.database = database;
        this.snapshots = snapshots;
        this.store = store;
        this.clock = clock;
        this.appVersion = appVersion;
    }

    /** The union of all areas of a kind, in longitude/latitude. */
    public Geometry region(String kind) {
        List<Geometry> parts = database.withConnection(connection -> {
            List<Geometry> out = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT ST_AsBinary(geom) FROM area WHERE kind = ?")) {
                statement.setString(1, kind);
                try (ResultSet rs = statement.executeQuery()) {
                    WKBReader reader = new WKBReader();
                    while (rs.next()) {
                        try {
                            out.add(reader.read(rs.getBytes(1)));
                        } catch (ParseException e) {
                            throw new IllegalStateException("An area of kind '" + kind + "' has an unreadable geometry", e);
                        }
                    }
                }
            }
            return out;
        });
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("There are no areas of kind '" + kind
                    + "' to lay the hotspot grid over; import boundaries first");
        }
        return UnaryUnionOp.union(parts);
    }

    /** Located incidents as grid events. */
    private static GridEvents events(IncidentSnapshot snapshot, IncidentFilter filter, RiskGrid grid) {
        int[] rows = snapshot.matchingLocated(filter);
        int[] days = new int[rows.length];
        int[] cells = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            days[i] = snapshot.localEpochDay(rows[i]);
            cells[i] = grid.cellOf(snapshot.lon(rows[i]), snapshot.lat(rows[i]));
        }
        return GridEvents.of(days, cells, rows.length);
    }

    /** Forecasts the risk surface for the week after the last day of data and stores it with the flagged cells. */
    public HotspotForecast forecast(String regionKind, double cellSizeM, double[] coverages, IncidentFilter filter,
            TaskContext context) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        IncidentSnapshot snapshot = snapshots.current(context);
        IncidentFilter effective = filter == null ? IncidentFilter.ALL : filter;
        LocalDate last = effective.to() != null ? effective.to() : snapshot.lastDay();
        if (last == null) {
            throw new IllegalStateException("There are no incidents to forecast from; import data first");
        }
        RiskGrid grid = RiskGrid.over(region(regionKind), cellSizeM);
        GridEvents events = events(snapshot, effective.withDates(null, last), grid);
        LocalDate origin = last.plusDays(1);
        double[] risk = model.risk(grid, events, (int) origin.toEpochDay());
        List<HotspotForecast.Flagged> flagged = new ArrayList<>();
        for (double coverage : coverages) {
            List<double[]> centres = new ArrayList<>();
            for (int cell : HotspotScoring.top(grid, risk, HotspotScoring.cellsFor(grid, coverage))) {
                centres.add(grid.centre(cell));
            }
            flagged.add(new HotspotForecast.Flagged(coverage, List.copyOf(centres)));
        }
        long elapsed = (System.nanoTime() - t0) / 1_000_000;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("region", regionKind);
        parameters.put("cellSizeM", cellSizeM);
        parameters.put("coverages", coverages);
        parameters.put("origin", origin);
        parameters.put("model", model.parameters());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("cellsInside", grid.insideCount());
        summary.put("flagged", flagged);
        UUID runId = store.saveGrids(new ForecastStore.RunInfo(ForecastStore.KIND_HOTSPOT_FORECAST, parameters, effective,
                origin.minusDays(model.parameters().longTermDays()), last, events.size(), summary, started, elapsed,
                appVersion), List.of(toGrid("risk", grid, risk)));
        dataEvents.analysisFinished(runId, ForecastStore.KIND_HOTSPOT_FORECAST);
        return new HotspotForecast(runId, origin, cellSizeM, grid.insideCount(), List.copyOf(flagged), grid, risk);
    }

    private static AnalysisRunRepository.GridRow toGrid(String name, RiskGrid grid, double[] values) {
        double[] stored = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            stored[i] = Double.isInfinite(values[i]) ? Double.NaN : values[i];
        }
        return new AnalysisRunRepository.GridRow(name, grid.crs(), grid.originX(), grid.originY(), grid.cellSize(), grid.columns(),
                grid.rows(), "expected incidents per cell per week", stored);
    }

    /** Runs the weekly backtest of the model and both baselines and stores it (with the last week's surfaces). */
    public HotspotBacktestResult backtest(BacktestRequest request, TaskContext context) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        IncidentSnapshot snapshot = snapshots.current(context);
        RiskGrid grid = RiskGrid.over(region(request.regionKind()), request.cellSizeM());
        LocalDate lastDay = request.from().plusDays(7L * request.weeks() - 1);
        GridEvents events = events(snapshot, request.filter().withDates(null, lastDay), grid);
        long t1 = System.nanoTime();
        int firstOrigin = (int) request.from().toEpochDay();
        List<HotspotBacktest.Score> scores = new HotspotBacktest(model).run(grid, events, firstOrigin, request.weeks(),
                request.coverages(), context);
        long t2 = System.nanoTime();
        long loadMillis = (t1 - t0) / 1_000_000;
        long modelMillis = (t2 - t1) / 1_000_000;
        int lastOrigin = firstOrigin + 7 * (request.weeks() - 1);
        List<AnalysisRunRepository.GridRow> grids = List.of(
                toGrid("risk-last-origin", grid, model.risk(grid, events, lastOrigin)),
                toGrid("prior-counts-last-origin", grid, HotspotModel.priorCounts(grid, events, lastOrigin)),
                toGrid("kde-last-origin", grid, HotspotModel.kde(grid, events, lastOrigin)));
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("region", request.regionKind());
        parameters.put("from", request.from());
        parameters.put("weeks", request.weeks());
        parameters.put("cellSizeM", request.cellSizeM());
        parameters.put("coverages", request.coverages());
        parameters.put("model", model.parameters());
        HotspotBacktestResult result = new HotspotBacktestResult(null, request.regionKind(), request.from(),
                request.weeks(), request.cellSizeM(), grid.insideCount(), events.size(), scores, loadMillis, modelMillis);
        UUID runId = store.saveHotspotBacktest(new ForecastStore.RunInfo(ForecastStore.KIND_BACKTEST_HOTSPOTS,
                parameters, request.filter(), request.from().minusDays(model.parameters().longTermDays()), lastDay,
                events.size(), result, started, loadMillis + modelMillis, appVersion), scores, grids);
        return new HotspotBacktestResult(runId, result.regionKind(), result.firstOrigin(), result.weeks(),
                result.cellSizeM(), result.cellsInside(), result.incidents(), scores, loadMillis, modelMillis);
    }

    /** The most recent stored hotspot backtest, for the backtest view. */
    public Optional<HotspotBacktestResult> latestBacktest() {
        return store.runs(ForecastStore.KIND_BACKTEST_HOTSPOTS, 1).stream().findFirst().map(run -> {
            HotspotBacktestResult r = ForecastStore.readSummary(run, HotspotBacktestResult.class);
            return new HotspotBacktestResult(run.id(), r.regionKind(), r.firstOrigin(), r.weeks(), r.cellSizeM(),
                    r.cellsInside(), r.incidents(), r.scores(), r.loadMillis(), r.modelMillis());
        });
    }
}
