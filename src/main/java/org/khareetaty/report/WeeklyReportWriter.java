package org.khareetaty.report;

import static org.khareetaty.report.ReportText.change;
import static org.khareetaty.report.ReportText.changeColor;
import static org.khareetaty.report.ReportText.count;
import static org.khareetaty.report.ReportText.decimal;

import java.awt.Color;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.LocalDate;
import org.khareetaty.analysis.forecast.ForecastPoint;
import org.khareetaty.charts.ForecastSeries;
import org.khareetaty.charts.TimeGranularity;
import org.khareetaty.analysis.forecast.MethodScore;
import org.khareetaty.report.WeeklyReport.AlertRow;
import org.khareetaty.report.WeeklyReport.Counts;
import org.khareetaty.report.WeeklyReport.HotspotSummary;
import org.khareetaty.report.WeeklyReport.RiskArea;
import org.khareetaty.report.graphics.MapPicture;
import org.khareetaty.report.graphics.ReportCharts;
import org.khareetaty.report.graphics.ReportMapRenderer;
import org.khareetaty.report.pdf.PdfComposer;
import org.khareetaty.report.pdf.PdfComposer.Column;
import org.khareetaty.report.pdf.ReportFonts;

/** Lays a {@link WeeklyReport} out as an A4 PDF; every figure comes from the report model. */
public final class WeeklyReportWriter {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

    private final ReportFonts fonts;
    private final ReportCharts charts;
    private final ReportMapRenderer maps;

    public WeeklyReportWriter(ReportFonts fonts, ReportCharts charts, ReportMapRenderer maps) {
        this.fonts = fonts;
        this.charts = charts;
        this.maps = maps;
    }

    public byte[] write(WeeklyReport report) {
        String scope = areasText(report);
        String title = "Weekly crime report " + report.week();
        try (PdfComposer pdf = new PdfComposer(fonts, title + " — " + scope, report.author(),
                agency(report) + " · " + title + " · " + scope)) {
            cover(pdf, report, scope);
            mapAndTrend(pdf, report);
            categories(pdf, report);
            hotspots(pdf, report);
            alerts(pdf, report);
            outlook(pdf, report);
            methodology(pdf, report, scope);
            return pdf.finish();
        }
    }

    private static String agency(WeeklyReport report) {
        return report.agency() == null || report.agency().isBlank() ? "Agency name not set" : report.agency();
    }

    static String areasText(WeeklyReport report) {
        return report.areas().isEmpty() ? "All areas"
                : report.areas().stream().map(AreaRef::displayName).collect(Collectors.joining(", "));
    }

    private static void cover(PdfComposer pdf, WeeklyReport report, String scope) {
        pdf.newPage();
        pdf.spacer(30);
        pdf.title(agency(report), 13);
        pdf.title("Weekly crime report", 26);
        pdf.title(ReportText.weekRange(report.week()), 14);
        pdf.spacer(10);
        ZonedDateTime generated = report.generatedAt().atZone(report.zone());
        pdf.keyValues(List.of(
                new String[] {"Agency", agency(report)},
                new String[] {"Period", ReportText.weekRange(report.week()) + ", local time " + report.zone().getId()},
                new String[] {"Areas", scope},
                new String[] {"Author", report.author()},
                new String[] {"Generated", STAMP.format(generated)},
                new String[] {"Data available", report.provenance().dataFrom() == null ? "no incidents stored"
                        : ReportText.day(report.provenance().dataFrom()) + " – " + ReportText.day(report.provenance().dataTo())}));
        pdf.heading("Headline numbers", 110);
        List<PdfComposer.Headline> boxes = new ArrayList<>();
        boxes.add(headline(report, report.total()));
        List<Counts> secondary = report.groups().isEmpty() ? report.categories() : report.groups();
        secondary.stream().limit(3).forEach(c -> boxes.add(headline(report, c)));
        pdf.headlines(boxes);
        pdf.paragraph(summary(report));
        pdf.note("Changes compare the report week with the week before (" + report.previousWeek() + ") and with the "
                + "same week a year earlier (" + report.yearAgoWeek() + ", 52 weeks before, so weekdays line up). "
                + "Red means more incidents, green fewer.");
    }

    private static PdfComposer.Headline headline(WeeklyReport report, Counts counts) {
        return new PdfComposer.Headline(counts.label(), count(counts.current()),
                List.of("vs " + report.previousWeek() + ": " + change(counts.current(), counts.previous()),
                        "vs " + report.yearAgoWeek() + ": " + change(counts.current(), counts.yearAgo())),
                List.of(changeColor(counts.current(), counts.previous()), changeColor(counts.current(), counts.yearAgo())));
    }

    static String summary(WeeklyReport report) {
        Counts total = report.total();
        StringBuilder text = new StringBuilder();
        text.append(count(total.current())).append(" incidents were recorded in ").append(report.week())
                .append(": ").append(change(total.current(), total.previous())).append(" against the week before and ")
                .append(change(total.current(), total.yearAgo())).append(" against the same week a year earlier. ");
        if (total.current() > 0) {
            text.append(decimal(report.locatedPercent(), 1)).append("% of them have a map location. ");
            Counts top = report.categories().get(0);
            text.append("The largest category was ").append(top.label()).append(" (").append(count(top.current()))
                    .append(").");
        }
        return text.toString();
    }

    private void mapAndTrend(PdfComposer pdf, WeeklyReport report) {
        pdf.newPage();
        float mapHeight = pdf.contentWidth() * 360 / 500;
        pdf.heading("Map of the week", mapHeight + 20);
        List<MapPicture.Labelled> areas = report.map().areas().stream()
                .map(s -> new MapPicture.Labelled(s.area().code(), s.geometry())).toList();
        List<MapPicture.Labelled> hotspots = new ArrayList<>();
        for (int i = 0; i < report.map().hotspots().size(); i++) {
            hotspots.add(new MapPicture.Labelled(String.valueOf(report.map().hotspots().get(i).rank()),
                    report.map().hotspots().get(i).geometry()));
        }
        MapPicture picture = new MapPicture(areas, report.map().lons(), report.map().lats(), hotspots,
                "Incidents " + report.week());
        pdf.image(maps.render(picture, 500, 360), pdf.contentWidth(), "Located incidents of " + report.week()
                + (hotspots.isEmpty() ? "" : " and the top hotspots of the latest analysis (numbered by rank)")
                + ". " + ReportText.incidents(report.total().current() - report.map().lons().length)
                + " without a location not shown.");
        pdf.heading("Trend and forecast", pdf.contentWidth() * 220 / 500 + 20);
        List<LocalDate> mondays = report.trend().stream().map(w -> w.week().monday()).toList();
        long[] counts = report.trend().stream().mapToLong(WeeklyReport.WeekCount::count).toArray();
        ForecastSeries forecast = null;
        int shown = 0;
        if (report.forecast() != null) {
            LocalDate first = mondays.get(0);
            LocalDate last = report.nextWeek().plusWeeks(3).monday();
            List<ForecastSeries.Point> points = report.forecast().points().stream()
                    .filter(p -> !p.periodStart().isBefore(first) && !p.periodStart().isAfter(last))
                    .map(p -> new ForecastSeries.Point(p.periodStart(), p.point(), p.lower80(), p.upper80(), p.lower95(),
                            p.upper95()))
                    .toList();
            shown = points.size();
            forecast = new ForecastSeries(report.forecast().runId(), report.forecast().startedAt(),
                    report.forecast().seriesKey(), TimeGranularity.WEEK, points);
        }
        pdf.image(charts.trend(mondays, counts, forecast, "Incidents per week, " + report.trend().size() + " weeks to "
                + report.week() + " · " + areasText(report), 500, 220), pdf.contentWidth(), forecastCaption(report, shown));
    }

    private static String forecastCaption(WeeklyReport report, int shown) {
        if (report.forecast() == null) {
            return "No stored forecast matches these areas; run a forecast to add one.";
        }
        return shown == 0 ? "The stored forecast (" + report.forecast().seriesKey() + ") has no weeks in this window."
                : "Forecast: series " + report.forecast().seriesKey() + " of run " + shortId(report.forecast().runId()) + ".";
    }

    private static void categories(PdfComposer pdf, WeeklyReport report) {
        pdf.heading("Categories", 80);
        List<String[]> rows = new ArrayList<>();
        for (Counts c : report.categories()) {
            rows.add(new String[] {c.label(), count(c.current()), count(c.previous()), change(c.current(), c.previous()),
                count(c.yearAgo()), change(c.current(), c.yearAgo())});
        }
        Counts t = report.total();
        rows.add(new String[] {"Total", count(t.current()), count(t.previous()), change(t.current(), t.previous()),
            count(t.yearAgo()), change(t.current(), t.yearAgo())});
        pdf.table(List.of(Column.text("Category", 3.2f), Column.number(report.week().toString(), 1.2f),
                Column.number(report.previousWeek().toString(), 1.2f), Column.number("Change", 1.6f),
                Column.number(report.yearAgoWeek().toString(), 1.2f), Column.number("Change", 1.6f)), rows, 8.5f);
    }

    private static void hotspots(PdfComposer pdf, WeeklyReport report) {
        pdf.heading("Top hotspots", 90);
        if (report.hotspotRun() == null) {
            pdf.paragraph("No hotspot analysis is stored yet, so this report lists no hotspots. Run a hotspot "
                    + "analysis (Analysis pane or the CLI) and export again.");
            return;
        }
        HotspotRun run = report.hotspotRun();
        pdf.note("From the latest hotspot analysis: " + run.kind() + " run " + shortId(run.id()) + " of "
                + STAMP.format(run.startedAt().atZone(report.zone())) + " over " + count(run.rowCount()) + " incidents"
                + window(run, report) + ". \"In week\" counts incidents of " + report.week()
                + " inside the hotspot's shape.");
        if (report.hotspots().isEmpty()) {
            pdf.paragraph("The latest analysis has no hotspot in the selected areas.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (HotspotSummary s : report.hotspots()) {
            Hotspot h = s.hotspot();
            rows.add(new String[] {String.valueOf(h.rank()), h.displayName(), count(h.incidentCount()), count(s.inWeek()),
                decimal(h.densityPerKm2(), 1), significance(h)});
        }
        pdf.table(List.of(Column.number("#", 0.5f), Column.text("Hotspot", 3f), Column.number("Incidents", 1.3f),
                Column.number("In week", 1.1f), Column.number("Per km²", 1.2f), Column.text("Significance", 1.8f)),
                rows, 8.5f);
        pdf.subheading("Profiles");
        for (HotspotSummary s : report.hotspots()) {
            IncidentProfile p = s.profile();
            String categories = p.categories().stream().limit(3)
                    .map(c -> c.label() + " " + count(c.count())).collect(Collectors.joining(", "));
            pdf.paragraph("#" + s.hotspot().rank() + " " + s.hotspot().displayName() + " — " + count(p.total())
                    + " incidents" + (s.profileFromMembers() ? "" : " inside its shape") + "; most frequent: "
                    + (categories.isEmpty() ? "—" : categories) + "; busiest time " + ReportText.threeHours(p.peakThreeHourStart())
                    + ", busiest day " + ReportText.weekday(p.peakWeekday()) + ".", 8.5f, Color.BLACK);
        }
    }

    private static String window(HotspotRun run, WeeklyReport report) {
        if (run.dataFrom() == null || run.dataTo() == null) {
            return "";
        }
        return " from " + ReportText.day(run.dataFrom().atZone(report.zone()).toLocalDate()) + " to "
                + ReportText.day(run.dataTo().atZone(report.zone()).toLocalDate());
    }

    private static String significance(Hotspot h) {
        if (h.confidence() != null) {
            return h.confidence() + "% (z " + decimal(h.zScore() == null ? 0 : h.zScore(), 2) + ")";
        }
        return h.score() == null ? "cluster" : "score " + decimal(h.score(), 2);
    }

    private static void alerts(PdfComposer pdf, WeeklyReport report) {
        pdf.heading("Alerts of the week", 60);
        if (report.alerts().isEmpty()) {
            pdf.paragraph("No alert was raised in " + report.week() + (report.areas().isEmpty() ? "." : " for these areas."));
            return;
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        report.alerts().forEach(a -> byStatus.merge(a.status(), 1L, Long::sum));
        pdf.paragraph(count(report.alerts().size()) + " alerts raised; status now: " + byStatus.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ".");
        DateTimeFormatter time = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
        List<String[]> rows = new ArrayList<>();
        for (AlertRow a : report.alerts()) {
            rows.add(new String[] {time.format(a.raisedAt().atZone(report.zone())), a.severity(), a.title(),
                a.areaName() == null ? "—" : a.areaName(), a.ruleName(), a.status(),
                a.assignedTo() == null ? "—" : a.assignedTo()});
        }
        pdf.table(List.of(Column.text("Raised", 1.5f), Column.text("Severity", 1f), Column.text("Alert", 3f),
                Column.text("Area", 1.3f), Column.text("Rule", 1.5f), Column.text("Status", 1.2f),
                Column.text("Assigned", 1.1f)), rows, 8f);
    }

    private static void outlook(PdfComposer pdf, WeeklyReport report) {
        pdf.heading("Next week: forecast and risk areas", 80);
        ReportForecast forecast = report.forecast();
        var next = forecast == null ? java.util.Optional.<ForecastPoint>empty() : forecast.week(report.nextWeek().monday());
        if (next.isPresent()) {
            ForecastPoint p = next.get();
            pdf.paragraph("Expected incidents in " + ReportText.weekRange(report.nextWeek()) + ": " + decimal(p.point(), 0)
                    + " (median; mean " + decimal(p.mean(), 1) + "), 80% interval " + decimal(p.lower80(), 0) + "–"
                    + decimal(p.upper80(), 0) + ", 95% interval " + decimal(p.lower95(), 0) + "–" + decimal(p.upper95(), 0)
                    + ". This week had " + count(report.total().current()) + ".");
        } else if (forecast != null) {
            pdf.paragraph("The stored forecast (run " + shortId(forecast.runId()) + ", series " + forecast.seriesKey()
                    + ") does not cover " + report.nextWeek() + (forecast.points().isEmpty() ? "."
                    : "; it covers " + forecast.points().get(0).periodStart() + " to "
                    + forecast.points().get(forecast.points().size() - 1).periodStart() + ". Run a forecast from the "
                    + "report week to see next week."));
        } else {
            pdf.paragraph("No forecast is stored for these areas, so next week is shown by this week's counts only.");
        }
        if (report.riskAreas().isEmpty()) {
            pdf.paragraph("No areas are loaded (or incidents are not assigned to areas), so no areas are ranked.");
            return;
        }
        pdf.subheading(report.riskFromForecast() ? "Areas with the highest expected count next week"
                : "Areas with the most incidents this week (no area forecast stored)");
        List<String[]> rows = new ArrayList<>();
        String recent = "Avg of " + WeeklyReportBuilder.RECENT_WEEKS + " weeks before";
        if (report.riskFromForecast()) {
            for (RiskArea r : report.riskAreas()) {
                rows.add(new String[] {r.area().displayName(),
                    r.expected() == null ? "—" : decimal(r.expected(), 1),
                    r.lower80() == null ? "—" : decimal(r.lower80(), 0) + "–" + decimal(r.upper80(), 0),
                    count(r.thisWeek()), decimal(r.recentWeeklyAverage(), 1)});
            }
            pdf.table(List.of(Column.text("Area", 3f), Column.number("Expected", 1.2f),
                    Column.number("80% interval", 1.5f), Column.number(report.week().toString(), 1.2f),
                    Column.number(recent, 1.8f)), rows, 8.5f);
        } else {
            for (RiskArea r : report.riskAreas()) {
                rows.add(new String[] {r.area().displayName(), count(r.thisWeek()), decimal(r.recentWeeklyAverage(), 1),
                    change(r.thisWeek(), Math.round(r.recentWeeklyAverage()))});
            }
            pdf.table(List.of(Column.text("Area", 3f), Column.number(report.week().toString(), 1.2f),
                    Column.number(recent, 1.8f), Column.number("Change vs average", 1.8f)), rows, 8.5f);
        }
    }

    private static void methodology(PdfComposer pdf, WeeklyReport report, String scope) {
        pdf.newPage();
        pdf.heading("Methodology and provenance", 100);
        WeeklyReport.Provenance p = report.provenance();
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Data range", p.dataFrom() == null ? "no incidents stored"
                : ReportText.day(p.dataFrom()) + " – " + ReportText.day(p.dataTo())});
        facts.add(new String[] {"Rows in database", count(p.totalRows()) + " incidents"});
        facts.add(new String[] {"Rows in scope", count(p.scopeRows()) + " incidents (" + scope + ")"});
        facts.add(new String[] {"Rows in report week", count(p.weekRows()) + ", of which " + count(p.weekLocated())
                + " located (" + decimal(report.locatedPercent(), 1) + "%)"});
        facts.add(new String[] {"Week definition", "ISO weeks, Monday to Sunday, by the incident's local date ("
                + report.zone().getId() + "). Previous period " + report.previousWeek() + "; year-earlier period "
                + report.yearAgoWeek() + " (52 weeks before)."});
        HotspotRun run = report.hotspotRun();
        facts.add(new String[] {"Hotspot analysis", run == null ? "none stored"
                : run.kind() + ", run " + run.id() + ", " + STAMP.format(run.startedAt().atZone(report.zone()))
                + ", app " + run.appVersion()});
        if (run != null) {
            facts.add(new String[] {"Hotspot parameters", run.parameters()});
            facts.add(new String[] {"Hotspot filters", run.filters()});
        }
        ReportForecast forecast = report.forecast();
        facts.add(new String[] {"Forecast model", forecast == null ? "none stored for this scope"
                : forecast.kind() + ", run " + forecast.runId() + ", " + STAMP.format(forecast.startedAt().atZone(report.zone()))
                + ", series " + forecast.seriesKey()});
        if (forecast != null) {
            facts.add(new String[] {"Forecast parameters", forecast.parameters()});
        }
        facts.add(new String[] {"Application", "Khareetaty Workstation " + p.appVersion() + ", schema version "
                + p.schemaVersion()});
        facts.add(new String[] {"Computed in", count(p.queryMillis()) + " ms of database queries"});
        pdf.keyValues(facts);
        pdf.subheading("Backtest scores of the forecast method");
        List<MethodScore> scores = forecast == null ? List.of() : forecast.backtests();
        if (scores.isEmpty()) {
            pdf.paragraph("No count backtest is stored; treat forecasts as unvalidated.");
        } else {
            pdf.note("Rolling-origin backtest run " + forecast.backtestRunId() + ": scores averaged over every series and "
                    + "origin. MASE below 1 beats the seasonal naive baseline; coverage is the share of actual counts "
                    + "inside the interval.");
            List<String[]> rows = new ArrayList<>();
            for (MethodScore b : scores) {
                rows.add(new String[] {b.method(), String.valueOf(b.horizon()), decimal(b.mase(), 3), decimal(b.mae(), 2),
                    b.coverage80() == null ? "—" : decimal(100 * b.coverage80(), 1) + "%",
                    b.coverage95() == null ? "—" : decimal(100 * b.coverage95(), 1) + "%"});
            }
            pdf.table(List.of(Column.text("Method", 2f), Column.number("Horizon (days)", 1.2f), Column.number("MASE", 1f),
                    Column.number("MAE", 1f), Column.number("80% coverage", 1.2f), Column.number("95% coverage", 1.2f)),
                    rows, 8f);
        }
        pdf.note("Counts are computed directly from the incident table when the report is generated; incidents "
                + "imported later can change them. Incidents without a location count in every table but are not on "
                + "the map. Hotspots and forecasts are the stored results of the runs named above.");
    }

    static String shortId(java.util.UUID id) {
        return id.toString().substring(0, 8);
    }
}
