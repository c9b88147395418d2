package org.khareetaty.analysis.forecast;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.events.DataEvents;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.store.Database;
import org.khareetaty.store.IncidentSnapshot;
import org.khareetaty.store.IncidentSnapshots;

/**
 * Count forecasts and their backtests for areas of a kind (district, governorate, ...), the whole agency
 * and category groups. Works from the in-memory incident snapshot; every run is stored with its
 * parameters and data range.
 */
public final class ForecastService {

    /** What to forecast: areas of a kind (or {@link CountSeriesBuilder#AGENCY}), optionally one category group. */
    public record Request(String byKind, String categoryGroup, int horizonDays, IncidentFilter filter) {
        public Request {
            if (horizonDays < 1 || horizonDays > 28) {
                throw new IllegalArgumentException("The horizon must be 1 to 28 days, got " + horizonDays);
            }
            filter = filter == null ? IncidentFilter.ALL : filter;
        }
    }

    /** A rolling-origin backtest of daily counts. */
    public record BacktestRequest(String byKind, String categoryGroup, List<LocalDate> origins, int[] horizons,
            int trainingDays, IncidentFilter filter) {
        public BacktestRequest {
            if (origins.isEmpty()) {
                throw new IllegalArgumentException("A backtest needs at least one origin");
            }
            for (int h : horizons) {
                if (h < 1 || h > 28) {
                    throw new IllegalArgumentException("Horizons must be 1 to 28 days, got " + h);
                }
            }
            filter = filter == null ? IncidentFilter.ALL : filter;
        }
    }

    private static final int ACTIVE_DAYS = 365;
    private static final int HISTORY_DAYS = 84;

    private final Database database;
    private final IncidentSnapshots snapshots;
    private final Settings settings;
    private final ForecastStore store;
    private final Clock clock;
    private final String appVersion;
    private final DataEvents events;

    public ForecastService(Database database, IncidentSnapshots snapshots, Settings settings, ForecastStore store,
            Clock clock, String appVersion, DataEvents events) {
        this.events = events;
        this.database = database;
        this.snapshots = snapshots;
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.appVersion = appVersion;
    }

    public ForecastStore store() {
        return store;
    }

    /**
     * The latest stored forecast of a series: for charts to overlay, reports to quote and alerts to compare
     * against (e.g. its 95% upper bound). Keys come from {@link CountSeries#key}.
     */
    public Optional<ForecastStore.StoredForecast> latestForecast(String seriesKey, ForecastPoint.Period period) {
        return store.latestForecast(seriesKey, period);
    }

    /** Category group names known to the database, sorted. */
    public List<String> categoryGroups() {
        return groupOfCategory().values().stream().distinct().sorted().toList();
    }

    /** Area kinds present in the data, plus "agency". */
    public List<String> seriesKinds(TaskContext context) {
        List<String> kinds = new ArrayList<>(snapshots.current(context).areaKinds().stream().sorted().toList());
        kinds.add(0, CountSeriesBuilder.AGENCY);
        return kinds;
    }

    private Map<String, String> groupOfCategory() {
        return database.withConnection(connection -> {
            Map<String, String> groups = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT code, category_group FROM category");
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    groups.put(rs.getString(1), rs.getString(2));
                }
            }
            return groups;
        });
    }

    private DailyCountModel model() {
        return new DailyCountModel(DailyCountModel.Parameters.DEFAULT, ForecastSettings.calendar(settings));
    }

    /** Fits every series on the latest history, forecasts the horizon and stores the run. */
    public ForecastRun forecast(Request request, TaskContext context) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        IncidentSnapshot snapshot = snapshots.current(context);
        LocalDate last = request.filter().to() != null ? request.filter().to() : snapshot.lastDay();
        if (last == null) {
            throw new IllegalStateException("There are no incidents to forecast from; import data first");
        }
        int trainingDays = settings.get(ForecastSettings.TRAINING_DAYS);
        // Days before the first imported incident are "no data", not "no crime".
        LocalDate first = latest(last.minusDays(trainingDays - 1L), snapshot.firstDay());
        CountSeries data = CountSeriesBuilder.build(snapshot, request.filter(), request.byKind(), request.categoryGroup(),
                groupOfCategory(), first, last, ACTIVE_DAYS);
        DailyCountModel model = model();
        context.checkCancelled();
        context.progress(0, 1, "Forecasting " + data.series().size() + " series");
        DailyCountModel.Design design = model.design(data.firstDay(), data.days() + request.horizonDays(),
                data.days() >= DailyCountModel.MIN_DAYS_FOR_YEARLY);
        DailyCountModel.Forecast[] fitted = model.forecastAll(design, data.counts(), 0, data.days(),
                request.horizonDays());
        List<SeriesForecast> forecasts = new ArrayList<>();
        for (int s = 0; s < data.series().size(); s++) {
            forecasts.add(toSeriesForecast(data.series().get(s), fitted[s], data.counts()[s], data.firstDay()));
        }
        context.progress(1, 1, "Forecast " + data.series().size() + " series");
        long elapsed = (System.nanoTime() - t0) / 1_000_000;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("by", request.byKind());
        parameters.put("categoryGroup", request.categoryGroup());
        parameters.put("horizonDays", request.horizonDays());
        parameters.put("trainingDays", trainingDays);
        parameters.put("model", model.parameters());
        parameters.put("holidays", model.calendarNames());
        UUID runId = store.saveForecast(new ForecastStore.RunInfo(ForecastStore.KIND_FORECAST, parameters,
                request.filter(), first, last, total(data.counts()[0]), Map.of("series", data.series().size()), started,
                elapsed, appVersion), forecasts);
        // Alert rules read the latest forecast (exceedance rules): evaluate them now. Backtests change nothing
        // alert rules read, so they are not announced.
        events.analysisFinished(runId, ForecastStore.KIND_FORECAST);
        return new ForecastRun(runId, request.byKind(), request.categoryGroup(), first, last, request.horizonDays(),
                forecasts, elapsed);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static long total(int[] counts) {
        long sum = 0;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }

    /**
     * Daily points, and totals of the ISO weeks (Monday to Sunday) that lie wholly inside the horizon, whose
     * intervals come from a negative binomial matched to the week's mean and variance.
     */
    static SeriesForecast toSeriesForecast(CountSeries.Series series, DailyCountModel.Forecast forecast, int[] counts,
            LocalDate firstDay) {
        List<ForecastPoint> daily = new ArrayList<>();
        for (int h = 0; h < forecast.horizon(); h++) {
            daily.add(new ForecastPoint(forecast.firstDay().plusDays(h), ForecastPoint.Period.DAY, forecast.median()[h],
                    forecast.mean()[h], forecast.lower80()[h], forecast.upper80()[h], forecast.lower95()[h],
                    forecast.upper95()[h]));
        }
        List<ForecastPoint> weekly = new ArrayList<>();
        int firstMonday = (8 - forecast.firstDay().getDayOfWeek().getValue()) % 7;
        for (int start = firstMonday; start + 7 <= forecast.horizon(); start += 7) {
            double mean = 0;
            double variance = 0;
            for (int h = start; h < start + 7; h++) {
                mean += forecast.mean()[h];
                variance += CountDistribution.variance(forecast.mean()[h], forecast.theta());
            }
            int[] q = CountDistribution.quantiles(mean, CountDistribution.thetaFor(mean, variance),
                    new double[] {0.025, 0.10, 0.5, 0.90, 0.975});
            weekly.add(new ForecastPoint(forecast.firstDay().plusDays(start), ForecastPoint.Period.WEEK, q[2], mean,
                    q[1], q[3], q[0], q[4]));
        }
        int historyDays = Math.min(HISTORY_DAYS, counts.length);
        int[] history = java.util.Arrays.copyOfRange(counts, counts.length - historyDays, counts.length);
        return new SeriesForecast(series, List.copyOf(daily), List.copyOf(weekly), forecast.theta(),
                firstDay.plusDays(counts.length - historyDays), history);
    }

    /** Runs a rolling-origin backtest of the count model beside the seasonal naive forecast and stores it. */
    public CountBacktestResult backtestCounts(BacktestRequest request, TaskContext context) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        IncidentSnapshot snapshot = snapshots.current(context);
        int maxHorizon = java.util.Arrays.stream(request.horizons()).max().orElseThrow();
        List<LocalDate> origins = request.origins().stream().sorted().toList();
        LocalDate first = snapshot.firstDay() == null ? origins.get(0)
                : latest(origins.get(0).minusDays(request.trainingDays()), snapshot.firstDay());
        LocalDate last = origins.get(origins.size() - 1).plusDays(maxHorizon - 1L);
        CountSeries data = CountSeriesBuilder.build(snapshot, request.filter(), request.byKind(), request.categoryGroup(),
                groupOfCategory(), first, last, ACTIVE_DAYS);
        long t1 = System.nanoTime();
        CountBacktest.Scores scores = new CountBacktest(model()).run(data, origins, request.horizons(),
                request.trainingDays(), context);
        long t2 = System.nanoTime();
        long loadMillis = (t1 - t0) / 1_000_000;
        long modelMillis = (t2 - t1) / 1_000_000;
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("by", request.byKind());
        parameters.put("categoryGroup", request.categoryGroup());
        parameters.put("origins", origins);
        parameters.put("horizons", request.horizons());
        parameters.put("trainingDays", request.trainingDays());
        parameters.put("model", DailyCountModel.Parameters.DEFAULT);
        List<String> labels = data.series().stream().map(CountSeries.Series::label).toList();
        CountBacktestResult provisional = new CountBacktestResult(null, request.byKind(), request.categoryGroup(), origins,
                request.trainingDays(), labels, scores.overall(), scores.bySeries(), loadMillis, modelMillis);
        UUID runId = store.saveBacktest(new ForecastStore.RunInfo(ForecastStore.KIND_BACKTEST_COUNTS, parameters,
                request.filter(), first, last, total(data.counts()[0]), provisional, started, loadMillis + modelMillis,
                appVersion), scores.bySeries(), scores.overall());
        return new CountBacktestResult(runId, request.byKind(), request.categoryGroup(), origins, request.trainingDays(),
                labels, scores.overall(), scores.bySeries(), loadMillis, modelMillis);
    }

    /** The last local day with incidents, or empty when there are none. */
    public Optional<LocalDate> lastDataDay(TaskContext context) {
        return Optional.ofNullable(snapshots.current(context).lastDay());
    }

    /**
     * Monthly origins for a backtest ending with the data: the first day of each of the last {@code count}
     * months whose {@code horizon} days after it are all in the data and that have at least eight weeks of
     * data before them (fewer origins when the data is short).
     */
    public List<LocalDate> recentMonthlyOrigins(int count, int horizon, TaskContext context) {
        IncidentSnapshot snapshot = snapshots.current(context);
        LocalDate first = snapshot.firstDay();
        LocalDate last = snapshot.lastDay();
        if (last == null) {
            throw new IllegalStateException("There are no incidents to backtest on; import data first");
        }
        LocalDate origin = last.minusDays(horizon - 1L).withDayOfMonth(1);
        List<LocalDate> origins = new ArrayList<>();
        for (int i = 0; i < count && !origin.minusMonths(i).isBefore(first.plusWeeks(8)); i++) {
            origins.add(0, origin.minusMonths(i));
        }
        if (origins.isEmpty()) {
            throw new IllegalStateException("The data (" + first + " to " + last + ") is too short to backtest: "
                    + "it needs eight weeks before an origin and " + horizon + " days after it");
        }
        return origins;
    }

    /** The most recent stored count backtest, for the backtest view. */
    public Optional<CountBacktestResult> latestCountBacktest() {
        return store.runs(ForecastStore.KIND_BACKTEST_COUNTS, 1).stream().findFirst()
                .map(run -> {
                    CountBacktestResult r = ForecastStore.readSummary(run, CountBacktestResult.class);
                    return new CountBacktestResult(run.id(), r.byKind(), r.categoryGroup(), r.origins(), r.trainingDays(),
                            r.seriesLabels(), r.overall(), r.bySeries(), r.loadMillis(), r.modelMillis());
                });
    }
}
