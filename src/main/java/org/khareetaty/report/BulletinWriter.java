package org.khareetaty.report;

import static org.khareetaty.report.ReportText.count;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.khareetaty.report.graphics.MapPicture;
import org.khareetaty.report.graphics.ReportCharts;
import org.khareetaty.report.graphics.ReportMapRenderer;
import org.khareetaty.report.pdf.PdfComposer;
import org.khareetaty.report.pdf.PdfComposer.Column;
import org.khareetaty.report.pdf.ReportFonts;
import org.khareetaty.store.IncidentRow;

/** Lays a {@link Bulletin} out as an A4 PDF: summary and map, the when-pattern, then the incident list. */
public final class BulletinWriter {

    private static final List<String> HOURS = java.util.stream.IntStream.range(0, 24)
            .mapToObj(h -> String.format("%02d", h)).toList();
    private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private final ReportFonts fonts;
    private final ReportCharts charts;
    private final ReportMapRenderer maps;

    public BulletinWriter(ReportFonts fonts, ReportCharts charts, ReportMapRenderer maps) {
        this.fonts = fonts;
        this.charts = charts;
        this.maps = maps;
    }

    public byte[] write(Bulletin bulletin) {
        String agency = bulletin.agency() == null || bulletin.agency().isBlank() ? "Agency name not set" : bulletin.agency();
        try (PdfComposer pdf = new PdfComposer(fonts, bulletin.title(), bulletin.author(),
                agency + " · " + bulletin.title())) {
            IncidentProfile p = bulletin.profile();
            pdf.newPage();
            pdf.title(agency, 11);
            pdf.title(bulletin.title(), 20);
            ZonedDateTime generated = bulletin.generatedAt().atZone(bulletin.zone());
            List<String[]> facts = new ArrayList<>();
            facts.add(new String[] {"Covers", bulletin.scope()});
            facts.add(new String[] {"Incidents", count(p.total()) + (p.total() == 0 ? ""
                    : ", " + ReportText.day(p.firstDate()) + " – " + ReportText.day(p.lastDate())
                    + "; " + count(p.located()) + " located")});
            if (bulletin.hotspot() != null) {
                Hotspot h = bulletin.hotspot();
                facts.add(new String[] {"Hotspot", "area " + ReportText.decimal(h.areaM2() / 10_000, 1) + " ha, "
                        + ReportText.decimal(h.densityPerKm2(), 1) + " incidents per km²"
                        + (h.confidence() == null ? "" : ", " + h.confidence() + "% confidence")});
            }
            facts.add(new String[] {"Author", bulletin.author()});
            facts.add(new String[] {"Generated", WeeklyReportWriter.STAMP.format(generated)});
            pdf.keyValues(facts);
            pdf.heading("Analyst's assessment", 40);
            pdf.paragraph(bulletin.text(), 10.5f, java.awt.Color.BLACK);
            pdf.heading("Map", 260);
            List<MapPicture.Labelled> areas = bulletin.map().areas().stream()
                    .map(s -> new MapPicture.Labelled(s.area().code(), s.geometry())).toList();
            List<MapPicture.Labelled> highlights = bulletin.map().hotspots().stream()
                    .map(h -> new MapPicture.Labelled(String.valueOf(h.rank()), h.geometry())).toList();
            pdf.image(maps.render(new MapPicture(areas, bulletin.map().lons(), bulletin.map().lats(),
                    highlights, "Incidents"), 500, 340), pdf.contentWidth(), "Located incidents of the bulletin"
                    + (highlights.isEmpty() ? "" : " and the hotspot's shape") + ".");

            pdf.heading("When: time of day and day of week", 200);
            LocalDate today = generated.toLocalDate();
            pdf.image(charts.hourWeekday(p.firstDate() == null ? today : p.firstDate(),
                    p.lastDate() == null ? today : p.lastDate(), p.weekdayHour(), bulletin.scope(), 500, 210),
                    pdf.contentWidth(),
                    "Incidents by weekday and local hour. Busiest three hours: "
                            + ReportText.threeHours(p.peakThreeHourStart()) + "; busiest day: "
                            + ReportText.weekday(p.peakWeekday()) + ".");
            pdf.image(charts.bars("By hour of day", "Local hour", HOURS, p.byHour(), 500, 170), pdf.contentWidth() * 0.9f, null);
            pdf.image(charts.bars("By day of week", "Weekday", DAYS, p.byWeekday(), 500, 170), pdf.contentWidth() * 0.9f, null);

            pdf.heading("What: categories", 60);
            List<String[]> categoryRows = new ArrayList<>();
            for (IncidentProfile.CategoryCount c : p.categories()) {
                categoryRows.add(new String[] {c.label(), count(c.count()),
                    ReportText.decimal(p.total() == 0 ? 0 : 100.0 * c.count() / p.total(), 1) + "%"});
            }
            pdf.table(List.of(Column.text("Category", 4f), Column.number("Incidents", 1f), Column.number("Share", 1f)),
                    categoryRows, 8.5f);

            pdf.heading("Incidents (most recent first)", 60);
            if (p.total() > bulletin.recent().size()) {
                pdf.note("The " + bulletin.recent().size() + " most recent of " + count(p.total())
                        + " incidents; the patterns above cover all of them.");
            }
            DateTimeFormatter time = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);
            List<String[]> rows = new ArrayList<>();
            for (IncidentRow row : bulletin.recent()) {
                rows.add(new String[] {time.format(row.occurredAt().atZone(bulletin.zone())), row.categorySource(),
                    row.address() == null ? "—" : row.address(), row.sourceKey()});
            }
            pdf.table(List.of(Column.text("Local time", 1.7f), Column.text("Category", 1.8f), Column.text("Address", 2.6f),
                    Column.text("Key", 1.3f)), rows, 7.5f);
            pdf.note("Khareetaty Workstation " + bulletin.appVersion() + ". Times are local (" + bulletin.zone().getId()
                    + "). " + (bulletin.run() == null ? "" : "Hotspot from " + bulletin.run().kind() + " run "
                    + bulletin.run().id() + " with parameters " + bulletin.run().parameters() + "."));
            return pdf.finish();
        }
    }
}
