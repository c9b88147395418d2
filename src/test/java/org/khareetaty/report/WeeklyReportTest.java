package org.khareetaty.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.khareetaty.analysis.forecast.CountBacktestResult;
import org.khareetaty.analysis.forecast.ForecastStore;
import org.khareetaty.analysis.forecast.MethodScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.core.CoreServices;
import org.khareetaty.store.HotspotMembers;

/**
 * A weekly report on a database with rows written through the V1 schema: every figure read back from the
 * PDF must equal the same figure computed here with plain SQL; every page must render with poppler; Arabic
 * names must survive shaping and come back as the same letters.
 */
class WeeklyReportTest {

    static final ZoneId KUWAIT = ZoneId.of("Asia/Kuwait");
    static final String AGENCY = "شرطة محافظة العاصمة";
    static final String CAPITAL = "العاصمة";
    static final IsoWeek WEEK = IsoWeek.parse("2025-W10");
    static final String[][] CATEGORIES = {
        {"THEFT", "Theft", "Property"}, {"BURGLARY", "Burglary", "Property"}, {"ASSAULT", "Assault", "Violent"},
        {"ROBBERY", "Robbery", "Violent"}, {"NARCOTICS", "Narcotics", "Other"}};

    @TempDir
    static Path folder;

    static CoreServices core;
    static UUID capital;
    static UUID hawalli;
    static UUID hotspotWithMembers;
    static UUID hotspotByShape;
    static WeeklyReport report;
    static byte[] pdf;
    static String text;

    @BeforeAll
    static void buildReport() throws Exception {
        core = CoreServices.open(new DataFolder(folder.resolve("data")));
        core.settings().set(Settings.AGENCY_NAME, AGENCY);
        core.settings().set(Settings.AGENCY_ZONE, KUWAIT);
        ReportFixture fixture = new ReportFixture(core.database());
        for (String[] c : CATEGORIES) {
            fixture.category(c[0], c[1], c[2]);
        }
        capital = fixture.area("governorate", "1", CAPITAL,
                "POLYGON((47.90 29.30, 48.00 29.30, 48.00 29.40, 47.90 29.40, 47.90 29.30))");
        hawalli = fixture.area("governorate", "2", "Hawalli",
                "POLYGON((48.00 29.30, 48.10 29.30, 48.10 29.40, 48.00 29.40, 48.00 29.30))");
        List<UUID> inHotspot = new ArrayList<>();
        Random random = new Random(42);
        List<IsoWeek> weeks = new ArrayList<>();
        for (int w = 1; w <= 10; w++) {
            weeks.add(new IsoWeek(2025, w));
        }
        weeks.add(new IsoWeek(2024, 10));
        weeks.add(new IsoWeek(2024, 52));
        core.database().inTransaction(connection -> {
            int key = 0;
            for (IsoWeek week : weeks) {
                for (String[] category : CATEGORIES) {
                    int count = 3 + random.nextInt(25);
                    for (int i = 0; i < count; i++) {
                        LocalDateTime local = week.monday().atStartOfDay().plusMinutes(random.nextInt(7 * 24 * 60));
                        boolean located = random.nextInt(10) > 0;
                        boolean east = random.nextBoolean();
                        double lon = (east ? 48.0 : 47.9) + random.nextDouble() * 0.1;
                        double lat = 29.3 + random.nextDouble() * 0.1;
                        boolean hot = random.nextInt(5) == 0;
                        if (hot) {  // a tight cluster around a market in the capital
                            lon = 47.95 + random.nextDouble() * 0.004;
                            lat = 29.35 + random.nextDouble() * 0.004;
                            east = false;
                        }
                        UUID id = fixture.incident(connection, "K" + key++, local, KUWAIT, category[0], category[1],
                                "Block " + random.nextInt(12) + ", street " + random.nextInt(40),
                                located ? lon : null, located ? lat : null, located ? (east ? hawalli : capital) : null);
                        if (hot && located) {
                            inHotspot.add(id);
                        }
                    }
                }
            }
            return null;
        });
        Instant runTime = Instant.parse("2025-03-10T06:00:00Z");
        UUID run = fixture.analysisRun("DBSCAN", "{\"epsMetres\":150,\"minPoints\":8}",
                Instant.parse("2024-12-01T00:00:00Z"), Instant.parse("2025-03-09T21:00:00Z"), 1234, runTime);
        hotspotWithMembers = fixture.hotspot(run, 1, "Souq market", "POLYGON((47.9495 29.3495, 47.9545 29.3495, "
                + "47.9545 29.3545, 47.9495 29.3545, 47.9495 29.3495))", inHotspot.size(), inHotspot);
        hotspotByShape = fixture.hotspot(run, 2, null, "POLYGON((48.02 29.32, 48.05 29.32, 48.05 29.35, 48.02 29.35, "
                + "48.02 29.32))", 77, List.of());
        UUID forecastRun = fixture.analysisRun("FORECAST", "{\"model\":\"seasonal naive\"}", null, null, 999, runTime);
        for (int w = 8; w <= 14; w++) {
            fixture.forecastPoint(forecastRun, "agency", null, new IsoWeek(2025, w).monday(), 300 + w);
        }
        fixture.forecastPoint(forecastRun, "area:" + capital, capital, WEEK.plusWeeks(1).monday(), 123.4);
        fixture.forecastPoint(forecastRun, "area:" + hawalli, hawalli, WEEK.plusWeeks(1).monday(), 98.7);
        List<MethodScore> overall = List.of(new MethodScore(CountBacktestResult.MODEL, 7, 0.873, 12.5, 0.81, 0.9, 0.95),
                new MethodScore(CountBacktestResult.SEASONAL_NAIVE, 7, 1.0, 14.25, null, null, null));
        core.forecasts().store().saveBacktest(new ForecastStore.RunInfo(ForecastStore.KIND_BACKTEST_COUNTS, Map.of(),
                Map.of(), LocalDate.of(2024, 1, 1), LocalDate.of(2025, 3, 9), 900,
                new CountBacktestResult(null, "agency", null, List.of(LocalDate.of(2025, 2, 1)), 365, List.of("Whole agency"),
                        overall, Map.of(), 10, 20), runTime, 30, "test"), Map.of(), overall);
        fixture.alert("Burglary spike", "Burglaries above threshold in " + CAPITAL, "HIGH", "OPEN", capital,
                LocalDateTime.of(2025, 3, 4, 9, 30).atZone(KUWAIT).toInstant());
        fixture.alert("Burglary spike", "Second alert of the week", "MEDIUM", "RESOLVED", hawalli,
                LocalDateTime.of(2025, 3, 9, 23, 50).atZone(KUWAIT).toInstant());
        fixture.alert("Burglary spike", "Alert of the week before", "LOW", "OPEN", hawalli,
                LocalDateTime.of(2025, 3, 2, 23, 59).atZone(KUWAIT).toInstant());

        ReportService service = new ReportService(core.database(), core.forecasts(), core.settings(),
                Clock.fixed(Instant.parse("2025-03-10T07:00:00Z"), ZoneOffset.UTC), core.appInfo(), core.audit());
        report = service.weekly(new WeeklyReportRequest(WEEK, List.of(), "Analyst Test", 5), TaskContext.NONE);
        pdf = service.weeklyPdf(report);
        text = PdfPages.text(pdf);
    }

    @AfterAll
    static void close() {
        core.close();
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

    static long weekCount(IsoWeek week, String category) {
        return sql("SELECT COUNT(*) FROM incident WHERE local_date BETWEEN ? AND ?"
                + (category == null ? "" : " AND category_code = '" + category + "'"), week.monday(), week.sunday());
    }

    @Test
    void headlineNumbersMatchSql() {
        long now = weekCount(WEEK, null);
        long before = weekCount(new IsoWeek(2025, 9), null);
        long lastYear = weekCount(new IsoWeek(2024, 10), null);
        assertThat(now).isPositive();
        assertThat(text).contains(ReportText.count(now) + " incidents were recorded in 2025-W10: "
                + ReportText.change(now, before) + " against the week before and " + ReportText.change(now, lastYear));
        assertThat(text).contains("Total " + ReportText.count(now) + " " + ReportText.count(before));
    }

    @Test
    void categoryTableMatchesSql() {
        for (String[] category : CATEGORIES) {
            long now = weekCount(WEEK, category[0]);
            long before = weekCount(new IsoWeek(2025, 9), category[0]);
            long lastYear = weekCount(new IsoWeek(2024, 10), category[0]);
            assertThat(text).contains(category[1] + " " + ReportText.count(now) + " " + ReportText.count(before) + " "
                    + ReportText.change(now, before) + " " + ReportText.count(lastYear) + " "
                    + ReportText.change(now, lastYear));
        }
    }

    @Test
    void locatedShareMatchesSql() {
        long rows = weekCount(WEEK, null);
        long located = sql("SELECT COUNT(*) FROM incident WHERE geom IS NOT NULL AND local_date BETWEEN ? AND ?",
                WEEK.monday(), WEEK.sunday());
        assertThat(text).contains(ReportText.count(rows) + ", of which " + ReportText.count(located) + " located ("
                + ReportText.decimal(100.0 * located / rows, 1) + "%)");
        assertThat(text).contains("Rows in database " + ReportText.count(sql("SELECT COUNT(*) FROM incident")));
    }

    @Test
    void hotspotsCountTheirIncidentsOfTheWeek() {
        long inMarket = sql("SELECT COUNT(*) FROM incident i, hotspot h WHERE h.id = ? AND ST_Intersects(i.geom, h.geom) "
                + "AND i.local_date BETWEEN ? AND ?", hotspotWithMembers, WEEK.monday(), WEEK.sunday());
        long members = sql("SELECT member_count FROM hotspot_member WHERE hotspot_id = ?", hotspotWithMembers);
        long inShape = sql("SELECT COUNT(*) FROM incident i, hotspot h WHERE h.id = ? AND ST_Intersects(i.geom, h.geom) "
                + "AND i.local_date BETWEEN ? AND ?", hotspotByShape, WEEK.monday(), WEEK.sunday());
        assertThat(inMarket).isPositive();
        assertThat(text).contains("1 Souq market " + ReportText.count(members) + " " + ReportText.count(inMarket));
        assertThat(text).contains("2 Hotspot #2 77 " + ReportText.count(inShape));
        assertThat(text).contains("#1 Souq market — " + ReportText.count(members) + " incidents;");
    }

    @Test
    void bulletinOfAHotspotCoversExactlyItsMembersWithinTheChosenDates() {
        List<UUID> members = core.database().withConnection(connection ->
                HotspotMembers.read(connection, hotspotWithMembers).orElseThrow());
        Bulletin all = core.reports().bulletin(BulletinRequest.forHotspot(hotspotWithMembers, "Test"), TaskContext.NONE);
        assertThat(all.profile().total()).isEqualTo(members.size());
        assertThat(all.recent()).isNotEmpty().allSatisfy(row -> assertThat(members).contains(row.id()));

        Bulletin week = core.reports().bulletin(BulletinRequest.forHotspot(hotspotWithMembers, "Test")
                .withDates(WEEK.monday(), WEEK.sunday()), TaskContext.NONE);
        long membersInWeek = all.recent().stream().filter(row -> !row.localDate().isBefore(WEEK.monday())
                && !row.localDate().isAfter(WEEK.sunday())).count();
        assertThat(week.profile().total()).isPositive().isLessThan(members.size()).isGreaterThanOrEqualTo(membersInWeek);
        assertThat(week.recent()).allSatisfy(row -> assertThat(row.localDate()).isBetween(WEEK.monday(), WEEK.sunday()));
    }

    @Test
    void alertsOfTheWeekOnlyWithTheirStatus() {
        assertThat(text).contains("2 alerts raised; status now: OPEN 1, RESOLVED 1.");
        assertThat(text).contains("Second alert of the week").doesNotContain("Alert of the week before");
    }

    @Test
    void forecastAndRiskAreasComeFromStoredRuns() {
        assertThat(text).contains("Expected incidents in 2025-W11 (Mon 10 Mar 2025 – Sun 16 Mar 2025): 311 "
                + "(median; mean 311.0), 80% interval 280–342");
        assertThat(text).contains("Areas with the highest expected count next week");
        assertThat(report.riskAreas().get(0).area().id()).isEqualTo(capital);
        assertThat(text).contains("count-model 7 0.873 12.50 81.0% 95.0%").contains("seasonal-naive 7 1.000 14.25 — —");
    }

    @Test
    void arabicNamesSurviveShapingAndComeBackAsTheSameLetters() {
        assertThat(text).contains(AGENCY);
        // the alert title wraps inside its table cell; the words and their order must survive
        assertThat(text).contains("Burglaries above threshold in " + CAPITAL);
    }

    @Test
    void everyPageRendersWithPoppler() throws Exception {
        Path file = folder.resolve("weekly.pdf");
        Files.write(file, pdf);
        int pages = PdfPages.pages(pdf);
        assertThat(pages).isGreaterThanOrEqualTo(4);
        assertThat(PdfPages.renderWithPoppler(file, folder.resolve("pages"), 40)).isEqualTo(pages);
    }

    @Test
    void coverNamesPeriodAuthorAndGenerationTime() {
        assertThat(text).contains("Weekly crime report").contains("2025-W10 (Mon 3 Mar 2025 – Sun 9 Mar 2025)")
                .contains("Analyst Test").contains("2025-03-10 10:00 AST").contains("All areas");
    }

    @Test
    void restrictedToOneAreaCountsOnlyItsIncidents() throws Exception {
        AreaRef area = core.reports().areas().resolve("governorate:1");
        ReportService service = core.reports();
        WeeklyReport capitalReport = service.weekly(new WeeklyReportRequest(WEEK, List.of(area), "A", 5), TaskContext.NONE);
        long expected = sql("SELECT COUNT(*) FROM incident i JOIN incident_area ia ON ia.incident_id = i.id "
                + "WHERE ia.area_id = ? AND i.local_date BETWEEN ? AND ?", capital, WEEK.monday(), WEEK.sunday());
        assertThat(capitalReport.total().current()).isEqualTo(expected);
        String capitalText = PdfPages.text(service.weeklyPdf(capitalReport));
        assertThat(capitalText).contains(ReportText.count(expected) + " incidents were recorded in 2025-W10")
                .contains(CAPITAL);
        assertThat(capitalReport.hotspots()).extracting(s -> s.hotspot().id()).containsExactly(hotspotWithMembers);
    }
}
