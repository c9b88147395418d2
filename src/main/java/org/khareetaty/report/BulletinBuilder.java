package org.khareetaty.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.store.Database;
import org.khareetaty.store.HotspotMembers;
import org.khareetaty.store.IncidentRow;
import org.locationtech.jts.geom.Envelope;

/** Computes a {@link Bulletin} for one hotspot or a selection of incidents. */
public final class BulletinBuilder {

    private final Database database;
    private final Settings settings;
    private final Clock clock;
    private final String appVersion;

    public BulletinBuilder(Database database, Settings settings, Clock clock, String appVersion) {
        this.database = database;
        this.settings = settings;
        this.clock = clock;
        this.appVersion = appVersion;
    }

    public Bulletin build(BulletinRequest request, TaskContext context) {
        ZoneId zone = settings.get(Settings.AGENCY_ZONE);
        return database.withConnection(connection -> {
            context.progress(0, 4, "Selecting incidents");
            Hotspot hotspot = null;
            HotspotRun run = null;
            IncidentSelection selection;
            String scope;
            if (request.hotspotId() != null) {
                hotspot = HotspotRuns.hotspot(connection, request.hotspotId()).orElseThrow(() ->
                        new IllegalArgumentException("No hotspot with id " + request.hotspotId()
                                + " (list hotspots with: khareetaty export hotspots --format csv)"));
                run = HotspotRuns.run(connection, hotspot.runId()).orElseThrow();
                selection = HotspotMembers.exist(connection, hotspot.id())
                        ? IncidentSelection.membersOf(hotspot.id())
                        : IncidentSelection.insideOf(hotspot).and(WeeklyReportBuilder.runWindow(run, zone));
                scope = hotspot.displayName() + " (rank " + hotspot.rank() + " of " + run.kind() + " run "
                        + WeeklyReportWriter.shortId(run.id()) + ")";
            } else {
                selection = IncidentSelection.of(request.selection());
                scope = describe(connection, request.selection());
            }
            if (request.from() != null || request.to() != null) {
                LocalDate from = request.from() == null ? LocalDate.of(1900, 1, 1) : request.from();
                LocalDate to = request.to() == null ? LocalDate.of(2999, 12, 31) : request.to();
                selection = selection.and(IncidentSelection.dates(from, to));
            }
            context.checkCancelled();
            context.progress(1, 4, "Pattern");
            IncidentProfile profile = IncidentProfiles.profile(connection, selection);
            context.progress(2, 4, "Incident list");
            List<IncidentRow> recent = recent(connection, selection);
            context.progress(3, 4, "Map");
            WeeklyReport.MapLayers map = map(connection, selection, hotspot);
            String title = request.title() == null || request.title().isBlank()
                    ? "Tactical bulletin: " + (hotspot != null ? hotspot.displayName() : "selected incidents")
                    : request.title();
            Bulletin bulletin = new Bulletin(settings.get(Settings.AGENCY_NAME), title, scope, request.author(),
                    Instant.now(clock), zone, hotspot, run, profile, recent, map, "", appVersion);
            String text = request.analystText() == null || request.analystText().isBlank()
                    ? defaultText(bulletin) : request.analystText();
            return bulletin.withText(text);
        });
    }

    /** The generated summary the analyst starts from. */
    static String defaultText(Bulletin bulletin) {
        IncidentProfile p = bulletin.profile();
        if (p.total() == 0) {
            return "No incidents match this selection.";
        }
        String categories = p.categories().stream().limit(3)
                .map(c -> c.label() + " (" + ReportText.count(c.count()) + ")").collect(Collectors.joining(", "));
        return ReportText.count(p.total()) + " incidents between " + ReportText.day(p.firstDate()) + " and "
                + ReportText.day(p.lastDate()) + ". Most frequent: " + categories + ". Busiest time "
                + ReportText.threeHours(p.peakThreeHourStart()) + ", busiest day " + ReportText.weekday(p.peakWeekday())
                + ". Suggested focus: patrol presence in that window; review the incident list for repeat addresses.";
    }

    private static String describe(Connection connection, IncidentFilter filter) throws SQLException {
        List<String> parts = new ArrayList<>();
        if (filter.from() != null || filter.to() != null) {
            parts.add((filter.from() == null ? "…" : ReportText.day(filter.from())) + " – "
                    + (filter.to() == null ? "…" : ReportText.day(filter.to())));
        }
        if (!filter.categories().isEmpty()) {
            parts.add("categories " + String.join(", ", filter.categories().stream().sorted().toList()));
        }
        if (!filter.areas().isEmpty()) {
            List<String> names = AreaDirectory.all(connection).stream().filter(a -> filter.areas().contains(a.id()))
                    .map(AreaRef::displayName).toList();
            parts.add(String.join(", ", names));
        }
        if (filter.selection() != null) {
            IncidentFilter.BoundingBox box = filter.selection();
            parts.add(String.format(java.util.Locale.ENGLISH, "map selection %.4f,%.4f – %.4f,%.4f",
                    box.minLon(), box.minLat(), box.maxLon(), box.maxLat()));
        }
        return parts.isEmpty() ? "All incidents" : String.join("; ", parts);
    }

    private static List<IncidentRow> recent(Connection connection, IncidentSelection selection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT i.id, i.source_key, i.occurred_at, "
                + "i.local_date, i.local_hour, i.category_code, i.category_source, i.address, i.lon, "
                + "i.lat, i.time_flag FROM " + selection.from() + " WHERE "
                + selection.where() + " ORDER BY i.occurred_at DESC, i.id LIMIT " + Bulletin.LISTED)) {
            selection.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                List<IncidentRow> rows = new ArrayList<>();
                while (rs.next()) {
                    double lon = rs.getDouble(9);
                    Double lonValue = rs.wasNull() ? null : lon;
                    double lat = rs.getDouble(10);
                    Double latValue = rs.wasNull() ? null : lat;
                    rows.add(new IncidentRow(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getDate(4).toLocalDate(), rs.getInt(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), lonValue, latValue, rs.getString(11)));
                }
                return rows;
            }
        }
    }

    private static WeeklyReport.MapLayers map(Connection connection, IncidentSelection selection, Hotspot hotspot)
            throws SQLException {
        double[] lons;
        double[] lats;
        try (PreparedStatement statement = connection.prepareStatement("SELECT i.lon, i.lat FROM " + selection.from() + " WHERE "
                + selection.where() + " AND i.geom IS NOT NULL LIMIT 50000")) {
            selection.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                List<double[]> points = new ArrayList<>();
                while (rs.next()) {
                    points.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
                }
                lons = points.stream().mapToDouble(p -> p[0]).toArray();
                lats = points.stream().mapToDouble(p -> p[1]).toArray();
            }
        }
        Envelope extent = new Envelope();
        for (int i = 0; i < lons.length; i++) {
            extent.expandToInclude(lons[i], lats[i]);
        }
        if (hotspot != null) {
            extent.expandToInclude(hotspot.geometry().getEnvelopeInternal());
        }
        List<AreaDirectory.Shape> shapes = List.of();
        String kind = AreaDirectory.reportingKind(connection);
        if (!extent.isNull() && kind != null) {
            // Outlines of the areas the selection touches give the reader their bearings.
            shapes = AreaDirectory.shapes(connection, "kind = ?", List.of(kind)).stream()
                    .filter(s -> s.geometry().getEnvelopeInternal().intersects(extent)).toList();
        }
        return new WeeklyReport.MapLayers(lons, lats, shapes, hotspot == null ? List.of() : List.of(hotspot));
    }
}
