package org.khareetaty.report;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.khareetaty.analysis.forecast.ForecastPoint;
import org.khareetaty.analysis.forecast.ForecastService;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.report.WeeklyReport.AlertRow;
import org.khareetaty.report.WeeklyReport.Counts;
import org.khareetaty.report.WeeklyReport.HotspotSummary;
import org.khareetaty.report.WeeklyReport.RiskArea;
import org.khareetaty.report.WeeklyReport.WeekCount;
import org.khareetaty.store.Database;
import org.khareetaty.store.HotspotMembers;
import org.locationtech.jts.geom.Geometry;

/**
 * Computes a {@link WeeklyReport} with a handful of indexed, grouped queries (the week, the week before,
 * the same week a year earlier, 26 weeks of trend) plus the stored hotspot, forecast and alert results.
 * "A year earlier" is the week 52 weeks before, so weekdays line up (2025-W10 against 2024-W10).
 */
public final class WeeklyReportBuilder {

    static final int TREND_WEEKS = 26;
    static final int RECENT_WEEKS = 4;
    static final int RISK_AREAS = 10;
    private static final String UNGROUPED = "(no group)";

    private final Database database;
    private final ForecastReader forecasts;
    private final Settings settings;
    private final Clock clock;
    private final String appVersion;

    public WeeklyReportBuilder(Database database, ForecastService forecasts, Settings settings, Clock clock,
            String appVersion) {
        this.database = database;
        this.forecasts = new ForecastReader(forecasts);
        this.settings = settings;
        this.clock = clock;
        this.appVersion = appVersion;
    }

    public WeeklyReport build(WeeklyReportRequest request, TaskContext context) {
        long started = System.nanoTime();
        ZoneId zone = settings.get(Settings.AGENCY_ZONE);
        String agency = settings.get(Settings.AGENCY_NAME);
        IsoWeek week = request.week();
        IsoWeek previous = week.plusWeeks(-1);
        IsoWeek yearAgo = week.plusWeeks(-52);
        Set<UUID> areaIds = request.areas().stream().map(AreaRef::id).collect(Collectors.toSet());
        IncidentFilter scope = IncidentFilter.ALL.withAreas(areaIds);
        return database.withConnection(connection -> {
            context.progress(0, 8, "Counting incidents");
            Map<String, CategoryCount> current = categoryCounts(connection, scope, week);
            Map<String, CategoryCount> before = categoryCounts(connection, scope, previous);
            Map<String, CategoryCount> lastYear = categoryCounts(connection, scope, yearAgo);
            List<Counts> categories = merge(current, before, lastYear, c -> c.code, c -> c.label);
            List<Counts> groups = merge(current, before, lastYear, c -> c.group, c -> c.group);
            Counts total = new Counts("ALL", "All incidents", sum(current), sum(before), sum(lastYear));
            context.checkCancelled();

            context.progress(1, 8, "Trend");
            List<WeekCount> trend = trend(connection, scope, week, firstDate(connection));
            context.progress(2, 8, "Forecast");
            UUID singleArea = areaIds.size() == 1 ? areaIds.iterator().next() : null;
            ReportForecast forecast = areaIds.size() > 1 ? null : forecasts.latest(singleArea).orElse(null);
            context.checkCancelled();

            context.progress(3, 8, "Hotspots");
            String kind = AreaDirectory.reportingKind(connection);
            List<AreaDirectory.Shape> shapes = areaShapes(connection, areaIds, kind);
            Optional<HotspotRun> run = HotspotRuns.latest(connection);
            List<HotspotSummary> hotspots = run.isEmpty() ? List.of()
                    : hotspots(connection, run.get(), scope, week, zone, areaIds.isEmpty() ? null : shapes,
                            request.topHotspots(), context);

            context.progress(5, 8, "Alerts");
            List<AlertRow> alerts = alerts(connection, week, zone, areaIds);
            context.progress(6, 8, "Risk areas");
            IsoWeek next = week.plusWeeks(1);
            List<RiskArea> risk = riskAreas(connection, request.areas(), kind, week, next);
            boolean riskFromForecast = risk.stream().anyMatch(r -> r.expected() != null);

            context.progress(7, 8, "Map and provenance");
            WeeklyReport.MapLayers map = mapLayers(connection, scope, week, shapes,
                    hotspots.stream().map(HotspotSummary::hotspot).toList());
            WeeklyReport.Provenance provenance = provenance(connection, scope, areaIds.isEmpty(), total.current(),
                    map.lons().length, started);
            return new WeeklyReport(agency, week, previous, yearAgo, request.areas(), request.author(),
                    Instant.now(clock), zone, total, topGroups(groups), categories, trend, forecast, run.orElse(null),
                    hotspots, alerts, next, risk, riskFromForecast, map, provenance);
        });
    }

    /** Per category: label, group and count within one week. */
    private record CategoryCount(String code, String label, String group, long count) {
    }

    private static Map<String, CategoryCount> categoryCounts(Connection connection, IncidentFilter scope, IsoWeek week)
            throws SQLException {
        IncidentSelection selection = IncidentSelection.of(scope.withDates(week.monday(), week.sunday()));
        try (PreparedStatement statement = connection.prepareStatement("SELECT i.category_code, MAX(c.label), "
                + "MAX(c.category_group), COUNT(*) FROM " + selection.from() + " LEFT JOIN category c ON c.code = i.category_code "
                + "WHERE " + selection.where() + " GROUP BY i.category_code")) {
            selection.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                Map<String, CategoryCount> counts = new HashMap<>();
                while (rs.next()) {
                    String code = rs.getString(1);
                    String label = rs.getString(2);
                    String group = rs.getString(3);
                    counts.put(code, new CategoryCount(code, label == null ? code : label,
                            group == null ? UNGROUPED : group, rs.getLong(4)));
                }
                return counts;
            }
        }
    }

    private static long sum(Map<String, CategoryCount> counts) {
        return counts.values().stream().mapToLong(CategoryCount::count).sum();
    }

    /** Rows keyed by {@code key} over the three weeks, largest this week first. */
    private static List<Counts> merge(Map<String, CategoryCount> current, Map<String, CategoryCount> previous,
            Map<String, CategoryCount> yearAgo, java.util.function.Function<CategoryCount, String> key,
            java.util.function.Function<CategoryCount, String> label) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        List<Map<String, CategoryCount>> weeks = List.of(current, previous, yearAgo);
        for (int w = 0; w < 3; w++) {
            for (CategoryCount count : weeks.get(w).values()) {
                String k = key.apply(count);
                counts.computeIfAbsent(k, x -> new long[3])[w] += count.count();
                labels.putIfAbsent(k, label.apply(count));
            }
        }
        return counts.entrySet().stream()
                .map(e -> new Counts(e.getKey(), labels.get(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted(Comparator.comparingLong(Counts::current).reversed()
                        .thenComparing(Comparator.comparingLong(Counts::previous).reversed())
                        .thenComparing(Counts::label))
                .toList();
    }

    /** The three largest category groups; none when the categories carry no groups. */
    private static List<Counts> topGroups(List<Counts> groups) {
        if (groups.size() <= 1) {
            return List.of();
        }
        return groups.stream().filter(g -> !g.code().equals(UNGROUPED)).limit(3).toList();
    }

    /** The earliest local date stored (index lookup), or null when there are no incidents. */
    private static LocalDate firstDate(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MIN(local_date) FROM incident");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() && rs.getDate(1) != null ? rs.getDate(1).toLocalDate() : null;
        }
    }

    /** Weekly counts for up to 26 weeks; weeks before the first stored incident are left out, not shown as zero. */
    private static List<WeekCount> trend(Connection connection, IncidentFilter scope, IsoWeek week, LocalDate dataStart)
            throws SQLException {
        IsoWeek first = week.plusWeeks(-(TREND_WEEKS - 1));
        if (dataStart != null && IsoWeek.of(dataStart).compareTo(first) > 0 && IsoWeek.of(dataStart).compareTo(week) <= 0) {
            first = IsoWeek.of(dataStart);
        }
        int weeks = (int) java.time.temporal.ChronoUnit.WEEKS.between(first.monday(), week.monday()) + 1;
        IncidentSelection selection = IncidentSelection.of(scope.withDates(first.monday(), week.sunday()));
        Map<IsoWeek, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < weeks; i++) {
            counts.put(first.plusWeeks(i), 0L);
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT i.local_date, COUNT(*) FROM " + selection.from()
                + " WHERE " + selection.where() + " GROUP BY i.local_date")) {
            selection.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    counts.merge(IsoWeek.of(rs.getDate(1).toLocalDate()), rs.getLong(2), Long::sum);
                }
            }
        }
        return counts.entrySet().stream().map(e -> new WeekCount(e.getKey(), e.getValue())).toList();
    }

    private static List<AreaDirectory.Shape> areaShapes(Connection connection, Set<UUID> areaIds, String kind)
            throws SQLException {
        if (!areaIds.isEmpty()) {
            List<Object> ids = new ArrayList<>(areaIds);
            return AreaDirectory.shapes(connection, "id IN (" + placeholders(ids.size()) + ")", ids);
        }
        return kind == null ? List.of() : AreaDirectory.shapes(connection, "kind = ?", List.of(kind));
    }

    private static List<HotspotSummary> hotspots(Connection connection, HotspotRun run, IncidentFilter scope,
            IsoWeek week, ZoneId zone, List<AreaDirectory.Shape> within, int top, TaskContext context)
            throws SQLException {
        List<Hotspot> candidates = HotspotRuns.hotspots(connection, run.id(), within == null ? top : 500);
        if (within != null) {
            Geometry union = union(within);
            candidates = candidates.stream().filter(h -> h.geometry().intersects(union)).limit(top).toList();
        }
        IncidentSelection weekScope = IncidentSelection.of(scope.withDates(week.monday(), week.sunday()));
        IncidentSelection runWindow = runWindow(run, zone);
        List<HotspotSummary> summaries = new ArrayList<>();
        for (Hotspot hotspot : candidates) {
            context.checkCancelled();
            long inWeek = count(connection, weekScope.and(IncidentSelection.insideOf(hotspot)));
            boolean members = HotspotMembers.exist(connection, hotspot.id());
            Optional<IncidentProfile> stored = members ? IncidentProfiles.stored(connection, hotspot) : Optional.empty();
            IncidentProfile profile = stored.isPresent() ? stored.get() : IncidentProfiles.profile(connection,
                    members ? IncidentSelection.membersOf(hotspot.id()) : IncidentSelection.insideOf(hotspot).and(runWindow));
            summaries.add(new HotspotSummary(hotspot, inWeek, profile, members));
        }
        return summaries;
    }

    private static Geometry union(List<AreaDirectory.Shape> shapes) {
        Geometry union = null;
        for (AreaDirectory.Shape shape : shapes) {
            union = union == null ? shape.geometry() : union.union(shape.geometry());
        }
        return union;
    }

    /** The local dates an analysis run covered (everything when it did not record its window). */
    static IncidentSelection runWindow(HotspotRun run, ZoneId zone) {
        LocalDate from = run.dataFrom() == null ? LocalDate.of(1900, 1, 1) : run.dataFrom().atZone(zone).toLocalDate();
        LocalDate to = run.dataTo() == null ? LocalDate.of(2999, 12, 31) : run.dataTo().atZone(zone).toLocalDate();
        return IncidentSelection.dates(from, to.isBefore(from) ? from : to);
    }

    static long count(Connection connection, IncidentSelection selection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM " + selection.from() + " WHERE " + selection.where())) {
            selection.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<AlertRow> alerts(Connection connection, IsoWeek week, ZoneId zone, Set<UUID> areaIds)
            throws SQLException {
        String areaCondition = areaIds.isEmpty() ? "" : " AND a.area_id IN (" + placeholders(areaIds.size()) + ")";
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.id, a.raised_at, a.severity, a.title, "
                + "r.name, ar.name, a.status, a.assigned_to FROM alert a JOIN alert_rule r ON r.id = a.rule_id "
                + "LEFT JOIN area ar ON ar.id = a.area_id WHERE a.raised_at >= ? AND a.raised_at < ?" + areaCondition
                + " ORDER BY a.raised_at, a.id")) {
            statement.setTimestamp(1, Timestamp.from(week.monday().atStartOfDay(zone).toInstant()));
            statement.setTimestamp(2, Timestamp.from(week.sunday().plusDays(1).atStartOfDay(zone).toInstant()));
            int index = 3;
            for (UUID id : areaIds) {
                statement.setObject(index++, id);
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<AlertRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new AlertRow(rs.getObject(1, UUID.class), HotspotRuns.instant(rs, 2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
                return rows;
            }
        }
    }

    /**
     * Areas ranked for next week: by the stored forecast when the run has area series, otherwise by the
     * report week's count (and the report says which).
     */
    private List<RiskArea> riskAreas(Connection connection, List<AreaRef> requested, String kind, IsoWeek week,
            IsoWeek next) throws SQLException {
        List<AreaRef> areas = requested.isEmpty() && kind != null
                ? AreaDirectory.all(connection).stream().filter(a -> a.kind().equals(kind)).toList() : requested;
        if (areas.isEmpty()) {
            return List.of();
        }
        Map<UUID, Long> thisWeek = areaCounts(connection, week.monday(), week.sunday());
        Map<UUID, Long> recent = areaCounts(connection, week.plusWeeks(-RECENT_WEEKS).monday(), week.plusWeeks(-1).sunday());
        Map<UUID, ForecastPoint> expected = forecasts.areaWeek(areas, next.monday());
        List<RiskArea> ranked = new ArrayList<>();
        for (AreaRef area : areas) {
            ForecastPoint point = expected.get(area.id());
            ranked.add(new RiskArea(area, point == null ? null : point.point(),
                    point == null ? null : point.lower80(), point == null ? null : point.upper80(),
                    thisWeek.getOrDefault(area.id(), 0L), recent.getOrDefault(area.id(), 0L) / (double) RECENT_WEEKS));
        }
        boolean byForecast = ranked.stream().anyMatch(r -> r.expected() != null);
        Comparator<RiskArea> order = byForecast
                ? Comparator.comparing((RiskArea r) -> r.expected() == null ? -1 : r.expected()).reversed()
                : Comparator.comparingLong(RiskArea::thisWeek).reversed();
        return ranked.stream().sorted(order.thenComparing(r -> r.area().code())).limit(RISK_AREAS).toList();
    }

    private static Map<UUID, Long> areaCounts(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT ia.area_id, COUNT(*) FROM incident i "
                + "JOIN incident_area ia ON ia.incident_id = i.id WHERE i.local_date BETWEEN ? AND ? GROUP BY ia.area_id")) {
            statement.setDate(1, Date.valueOf(from));
            statement.setDate(2, Date.valueOf(to));
            try (ResultSet rs = statement.executeQuery()) {
                Map<UUID, Long> counts = new HashMap<>();
                while (rs.next()) {
                    counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
                return counts;
            }
        }
    }

    private static WeeklyReport.MapLayers mapLayers(Connection connection, IncidentFilter scope, IsoWeek week,
            List<AreaDirectory.Shape> shapes, List<Hotspot> hotspots) throws SQLException {
        IncidentSelection selection = IncidentSelection.of(scope.withDates(week.monday(), week.sunday()));
        try (PreparedStatement statement = connection.prepareStatement("SELECT i.lon, i.lat FROM " + selection.from() + " WHERE "
                + selection.where() + " AND i.geom IS NOT NULL")) {
            selection.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                double[] lons = new double[1024];
                double[] lats = new double[1024];
                int n = 0;
                while (rs.next()) {
                    if (n == lons.length) {
                        lons = java.util.Arrays.copyOf(lons, n * 2);
                        lats = java.util.Arrays.copyOf(lats, n * 2);
                    }
                    lons[n] = rs.getDouble(1);
                    lats[n++] = rs.getDouble(2);
                }
                return new WeeklyReport.MapLayers(java.util.Arrays.copyOf(lons, n), java.util.Arrays.copyOf(lats, n),
                        shapes, hotspots);
            }
        }
    }

    private WeeklyReport.Provenance provenance(Connection connection, IncidentFilter scope, boolean wholeTable,
            long weekRows, long weekLocated, long startedNanos) throws SQLException {
        LocalDate from = null;
        LocalDate to = null;
        long totalRows;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT MIN(local_date), MAX(local_date), COUNT(*) FROM incident");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            if (rs.getDate(1) != null) {
                from = rs.getDate(1).toLocalDate();
                to = rs.getDate(2).toLocalDate();
            }
            totalRows = rs.getLong(3);
        }
        long scopeRows = wholeTable ? totalRows : count(connection, IncidentSelection.of(scope));
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        return new WeeklyReport.Provenance(from, to, totalRows, scopeRows, weekRows, weekLocated, appVersion,
                database.schemaVersion(), millis);
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
