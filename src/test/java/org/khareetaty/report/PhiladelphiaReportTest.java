package org.khareetaty.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.Principal;
import org.khareetaty.TestData;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.core.CoreServices;

/**
 * Reports on real Philadelphia rows (2025-W06 to 2025-W11 and 2024-W10, loaded from the shared data):
 * the PDF's figures must equal SQL over the same rows. Skipped when the shared data is absent. The PDFs
 * are kept under target/report-samples for a person to look at.
 */
class PhiladelphiaReportTest {

    static final IsoWeek WEEK = IsoWeek.parse("2025-W10");

    @TempDir
    static Path folder;

    static CoreServices core;
    static Map<String, UUID> districts;

    @BeforeAll
    static void load() throws Exception {
        Path data = TestData.philadelphiaOrSkip();
        core = CoreServices.open(new DataFolder(folder.resolve("data")));
        core.settings().set(Settings.AGENCY_NAME, "Philadelphia Police Department");
        core.settings().set(Settings.AGENCY_ZONE, ReportFixture.PHILADELPHIA);
        ReportFixture fixture = new ReportFixture(core.database());
        districts = fixture.philadelphiaDistricts(data.resolve("police_districts.geojson"));
        List<LocalDate[]> windows = List.of(
                new LocalDate[] {new IsoWeek(2025, 6).monday(), new IsoWeek(2025, 11).sunday()},
                new LocalDate[] {new IsoWeek(2024, 10).monday(), new IsoWeek(2024, 10).sunday()});
        fixture.philadelphiaRows(data.resolve("incidents_2024.csv.gz"), windows, districts);
        fixture.philadelphiaRows(data.resolve("incidents_2025.csv.gz"), windows, districts);
    }

    @AfterAll
    static void close() {
        if (core != null) {
            core.close();
        }
    }

    static long sql(String query, Object... parameters) {
        return core.database().withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static Path samples() throws Exception {
        return Files.createDirectories(Path.of("target", "report-samples"));
    }

    @Test
    void weeklyReportFiguresMatchSqlOnRealRows() throws Exception {
        Path pdf = samples().resolve("weekly-2025-W10.pdf");
        WeeklyReport report = core.reports().writeWeekly(Principal.BOOTSTRAP, new WeeklyReportRequest(WEEK, List.of(), "Sample Analyst", 5),
                pdf, TaskContext.NONE);
        String text = PdfPages.text(Files.readAllBytes(pdf));
        long now = sql("SELECT COUNT(*) FROM incident WHERE local_date BETWEEN ? AND ?", WEEK.monday(), WEEK.sunday());
        long before = sql("SELECT COUNT(*) FROM incident WHERE local_date BETWEEN ? AND ?",
                WEEK.plusWeeks(-1).monday(), WEEK.plusWeeks(-1).sunday());
        long lastYear = sql("SELECT COUNT(*) FROM incident WHERE local_date BETWEEN ? AND ?",
                new IsoWeek(2024, 10).monday(), new IsoWeek(2024, 10).sunday());
        assertThat(now).isGreaterThan(1000);
        assertThat(text).contains(ReportText.count(now) + " incidents were recorded in 2025-W10: "
                + ReportText.change(now, before) + " against the week before and " + ReportText.change(now, lastYear));
        List<Object[]> categories = new ArrayList<>();
        core.database().withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT c.label, COUNT(*) FROM incident i "
                    + "JOIN category c ON c.code = i.category_code WHERE i.local_date BETWEEN ? AND ? GROUP BY c.label");
                    ) {
                statement.setObject(1, WEEK.monday());
                statement.setObject(2, WEEK.sunday());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        categories.add(new Object[] {rs.getString(1), rs.getLong(2)});
                    }
                }
            }
            return null;
        });
        assertThat(categories).hasSizeGreaterThan(5);
        for (Object[] category : categories) {
            assertThat(text).contains(category[0] + " " + ReportText.count((Long) category[1]) + " ");
        }
        long located = sql("SELECT COUNT(*) FROM incident WHERE geom IS NOT NULL AND local_date BETWEEN ? AND ?",
                WEEK.monday(), WEEK.sunday());
        assertThat(text).contains(ReportText.count(now) + ", of which " + ReportText.count(located) + " located");
        assertThat(report.riskAreas()).hasSize(WeeklyReportBuilder.RISK_AREAS);
        long topDistrict = sql("SELECT MAX(c) FROM (SELECT COUNT(*) c FROM incident i JOIN incident_area ia ON "
                + "ia.incident_id = i.id WHERE i.local_date BETWEEN ? AND ? GROUP BY ia.area_id)", WEEK.monday(), WEEK.sunday());
        assertThat(report.riskAreas().get(0).thisWeek()).isEqualTo(topDistrict);
        int pages = PdfPages.pages(Files.readAllBytes(pdf));
        assertThat(PdfPages.renderWithPoppler(pdf, folder.resolve("weekly-pages"), 40)).isEqualTo(pages);
    }

    @Test
    void bulletinForADistrictSelectionMatchesSql() throws Exception {
        UUID district = districts.get("24");
        IncidentFilter filter = new IncidentFilter(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 14), java.util.Set.of(),
                java.util.Set.of(district), null);
        Path pdf = samples().resolve("bulletin-district-24.pdf");
        Bulletin bulletin = core.reports().writeBulletin(Principal.BOOTSTRAP, BulletinRequest.forSelection(filter, "Sample Analyst")
                .withTitle("Tactical bulletin: District 24, first half of March 2025"), pdf, TaskContext.NONE);
        long expected = sql("SELECT COUNT(*) FROM incident i JOIN incident_area ia ON ia.incident_id = i.id "
                + "WHERE ia.area_id = ? AND i.local_date BETWEEN '2025-03-01' AND '2025-03-14'", district);
        assertThat(bulletin.profile().total()).isEqualTo(expected);
        String text = PdfPages.text(Files.readAllBytes(pdf));
        assertThat(text).contains(ReportText.count(expected) + " incidents between");
        long nightThefts = sql("SELECT COUNT(*) FROM incident i JOIN incident_area ia ON ia.incident_id = i.id "
                + "WHERE ia.area_id = ? AND i.local_date BETWEEN '2025-03-01' AND '2025-03-14' AND i.category_code = 'UCR600'",
                district);
        assertThat(text).contains("Theft " + ReportText.count(nightThefts));
        int pages = PdfPages.pages(Files.readAllBytes(pdf));
        assertThat(PdfPages.renderWithPoppler(pdf, folder.resolve("bulletin-pages"), 40)).isEqualTo(pages);
    }
}
