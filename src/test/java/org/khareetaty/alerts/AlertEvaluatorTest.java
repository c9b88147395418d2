package org.khareetaty.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.common.TaskContext;

class AlertEvaluatorTest {

    @TempDir
    Path dir;
    AlertsFixture fx;
    UUID district12;
    UUID district7;
    final Instant t0 = Instant.parse("2025-03-10T12:00:00Z");

    @BeforeEach
    void open() {
        fx = new AlertsFixture(dir);
        district12 = fx.area("12", "District 12", -75.20, 39.90, 0.05);
        district7 = fx.area("7", "District 7", -75.10, 39.90, 0.05);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private AlertEvaluator.Report evaluate() {
        return fx.core.alerts().evaluator().evaluate(TaskContext.NONE);
    }

    private int count(String sql) {
        return fx.db.withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void threeVehicleTheftsInOneDistrictWithin24HoursRaiseOneAlertWithItsNotificationsOnce() {
        fx.rule("""
                name: Vehicle thefts
                kind: CATEGORY_COUNT
                severity: HIGH
                categories: [VEHICLE_THEFT]
                threshold: 3
                windowHours: 24
                areaKind: district
                recipients:
                  - {role: ANALYST, channel: SMS, to: "+96550000001"}
                  - {role: ADMINISTRATOR, channel: WHATSAPP, to: "+96550000002", minSeverity: CRITICAL}
                  - {role: ANALYST, channel: SMS, to: "+96550000003", areas: ["7"]}
                template: "تنبيه {severity}: {summary} ({area})"
                """);
        UUID a = fx.incident("VEHICLE_THEFT", t0, -75.18, 39.92, district12);
        UUID b = fx.incident("VEHICLE_THEFT", t0.plus(Duration.ofHours(5)), -75.18, 39.92, district12);
        // two in district 7 and one outside the window: no alert for them
        fx.incident("VEHICLE_THEFT", t0.plus(Duration.ofHours(6)), -75.08, 39.92, district7);
        fx.incident("VEHICLE_THEFT", t0.plus(Duration.ofHours(7)), -75.08, 39.92, district7);
        fx.incident("VEHICLE_THEFT", t0.minus(Duration.ofHours(30)), -75.18, 39.92, district12);
        fx.incident("BURGLARY", t0.plus(Duration.ofHours(8)), -75.18, 39.92, district12);
        assertThat(evaluate().raised()).isEmpty();

        UUID c = fx.incident("VEHICLE_THEFT", t0.plus(Duration.ofHours(20)), -75.18, 39.92, district12);
        AlertEvaluator.Report report = evaluate();

        assertThat(report.raised()).hasSize(1);
        AlertDetail detail = fx.core.alerts().alerts().detail(report.raised().get(0).alertId()).orElseThrow();
        assertThat(detail.alert().severity()).isEqualTo(Severity.HIGH);
        assertThat(detail.alert().areaName()).isEqualTo("District 12");
        assertThat(detail.evidence().incidentIds()).containsExactlyInAnyOrder(a, b, c);
        assertThat(detail.evidence().bbox()).isNotNull();
        // routing: only the analyst for all areas; the administrator wants CRITICAL, the third recipient district 7
        assertThat(detail.notifications()).extracting(OutboxMessage::recipient).containsExactly("+96550000001");
        assertThat(detail.notifications().get(0).body()).startsWith("تنبيه HIGH: 3 × VEHICLE_THEFT in District 12")
                .endsWith("(District 12)");

        // the same evidence never raises a second alert, however often the rules run
        assertThat(evaluate().raised()).isEmpty();
        assertThat(evaluate().raised()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM alert")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM notification_outbox")).isEqualTo(1);
    }

    @Test
    void dataTimeIsTheLatestIncidentNotInTheFutureWhereverItLies() {
        AlertEvaluator evaluator = fx.core.alerts().evaluator();
        Instant now = Instant.parse("2025-06-01T00:00:00Z");
        assertThat(evaluator.dataNow(now)).isEqualTo(now);
        fx.incident("ASSAULT", t0, -75.18, 39.92, district12);
        Instant latest = t0.plus(Duration.ofDays(20)).plus(Duration.ofMinutes(7));
        fx.incident("ASSAULT", latest, -75.18, 39.92, district12);
        assertThat(evaluator.dataNow(now)).isEqualTo(latest);
        // A mistyped year far ahead and a row shortly after "now": neither moves the window; the latest incident
        // before them lies weeks before the recent days searched first.
        fx.incident("ASSAULT", Instant.parse("2052-06-01T00:00:00Z"), -75.18, 39.92, district12);
        fx.incident("ASSAULT", now.plus(Duration.ofHours(3)), -75.18, 39.92, district12);
        assertThat(evaluator.dataNow(now)).isEqualTo(latest);
        Instant justBefore = now.minus(Duration.ofHours(30));
        fx.incident("ASSAULT", justBefore, -75.18, 39.92, district12);
        assertThat(evaluator.dataNow(now)).isEqualTo(justBefore);
    }

    @Test
    void drugOffencesAlertImmediatelyOneAlertPerIncident() {
        fx.rule("""
                name: Drugs immediately
                kind: CATEGORY_COUNT
                severity: MEDIUM
                categoryGroups: [drugs]
                threshold: 1
                windowHours: 0
                """);
        fx.incident("DRUGS", t0, -75.18, 39.92, district12);
        fx.incident("DRUGS", t0, -75.08, 39.92, district7);
        fx.incident("ASSAULT", t0, -75.08, 39.92, district7);
        assertThat(evaluate().raised()).hasSize(2);
        fx.incident("DRUGS", t0.plus(Duration.ofMinutes(10)), -75.08, 39.92, district7);
        assertThat(evaluate().raised()).hasSize(1);
        assertThat(evaluate().raised()).isEmpty();
    }

    @Test
    void nearRepeatBurstAlertsOnceAndAgainOnlyWhenEnoughNewIncidentsJoin() {
        fx.rule("""
                name: Burglary near-repeat
                kind: NEAR_REPEAT
                severity: HIGH
                categories: [BURGLARY]
                threshold: 3
                distanceMetres: 400
                days: 14
                """);
        // three within ~200 m and 5 days; a fourth 3 km away does not count
        fx.incident("BURGLARY", t0, -75.1800, 39.9200, null);
        fx.incident("BURGLARY", t0.plus(Duration.ofDays(2)), -75.1810, 39.9210, null);
        fx.incident("BURGLARY", t0.plus(Duration.ofDays(1)), -75.2200, 39.9200, null);
        assertThat(evaluate().raised()).isEmpty();
        fx.incident("BURGLARY", t0.plus(Duration.ofDays(5)), -75.1790, 39.9190, null);
        AlertEvaluator.Report first = evaluate();
        assertThat(first.raised()).hasSize(1);
        assertThat(evaluate().raised()).isEmpty();
        // one more nearby incident is not a new burst; three more are
        fx.incident("BURGLARY", t0.plus(Duration.ofDays(6)), -75.1801, 39.9201, null);
        assertThat(evaluate().raised()).isEmpty();
        fx.incident("BURGLARY", t0.plus(Duration.ofDays(7)), -75.1802, 39.9202, null);
        fx.incident("BURGLARY", t0.plus(Duration.ofDays(8)), -75.1803, 39.9203, null);
        assertThat(evaluate().raised()).hasSize(1);
    }

    @Test
    void hotspotScoreEscalatesOnlyWhenALevelIsReachedForTheFirstTime() {
        fx.rule("""
                name: Hotspot score
                kind: HOTSPOT_SCORE
                areaKind: district
                recipients: [{role: ADMINISTRATOR, channel: SMS, to: "+96550000009", minSeverity: HIGH}]
                """);
        fx.incident("ASSAULT", t0, -75.18, 39.92, district12);
        UUID run1 = fx.run("GISTAR", t0);
        fx.hotspot(run1, 1, -75.18, 39.92, 25, 30);   // MEDIUM
        fx.hotspot(run1, 2, -75.08, 39.92, 5, 3);     // below LOW
        AlertEvaluator.Report first = evaluate();
        assertThat(first.raised()).extracting(AlertEvaluator.Raised::severity).containsExactly(Severity.MEDIUM);
        assertThat(first.notificationsQueued()).isZero();  // administrators hear from HIGH up

        UUID run2 = fx.run("GISTAR", t0.plusSeconds(3600));
        fx.hotspot(run2, 1, -75.18, 39.92, 30, 35);   // still MEDIUM: no new alert
        fx.hotspot(run2, 2, -75.08, 39.92, 65, 80);   // CRITICAL now
        AlertEvaluator.Report second = evaluate();
        assertThat(second.raised()).extracting(AlertEvaluator.Raised::severity).containsExactly(Severity.CRITICAL);
        assertThat(second.notificationsQueued()).isEqualTo(1);
        AlertDetail detail = fx.core.alerts().alerts().detail(second.raised().get(0).alertId()).orElseThrow();
        assertThat(detail.alert().areaName()).isEqualTo("District 7");
        assertThat(evaluate().raised()).isEmpty();
    }

    @Test
    void newAndGrowingHotspotsBetweenTwoRuns() {
        fx.rule("""
                name: Hotspot change
                kind: HOTSPOT_CHANGE
                severity: MEDIUM
                growthPercent: 50
                runKind: DBSCAN
                """);
        UUID run1 = fx.run("DBSCAN", t0);
        fx.hotspot(run1, 1, -75.18, 39.92, 1, 10);
        fx.hotspot(run1, 2, -75.08, 39.92, 1, 10);
        assertThat(evaluate().raised()).as("a first run has nothing to compare with").isEmpty();
        UUID run2 = fx.run("DBSCAN", t0.plusSeconds(60));
        fx.hotspot(run2, 1, -75.18, 39.92, 1, 16);   // +60 %: growing
        fx.hotspot(run2, 2, -75.08, 39.92, 1, 12);   // +20 %: not enough
        fx.hotspot(run2, 3, -75.30, 39.80, 1, 5);    // new
        List<AlertEvaluator.Raised> raised = evaluate().raised();
        assertThat(raised).extracting(AlertEvaluator.Raised::title)
                .anyMatch(t -> t.contains("grew from 10 to 16"))
                .anyMatch(t -> t.startsWith("New hotspot #3"))
                .hasSize(2);
        assertThat(evaluate().raised()).isEmpty();
    }

    @Test
    void observedCountAboveTheForecastUpperBoundRaisesAnAlertOncePerSeriesAndDay() {
        fx.rule("""
                name: Above forecast
                kind: FORECAST_EXCEEDANCE
                severity: HIGH
                """);
        LocalDate day = LocalDate.of(2025, 3, 10);
        Instant noon = day.atTime(12, 0).atZone(AlertsFixture.ZONE).toInstant();
        for (int i = 0; i < 6; i++) {
            fx.incident("BURGLARY", noon.plusSeconds(i * 60L), -75.18, 39.92, district12);
        }
        fx.incident("BURGLARY", noon, -75.08, 39.92, district7);
        fx.incident("ASSAULT", noon.plus(Duration.ofDays(1)), -75.08, 39.92, district7);  // moves the data clock on
        UUID run = fx.run("FORECAST", noon);
        fx.forecast(run, district12, "property", day, 2.0, 4.5);   // 6 observed > 4.5
        fx.forecast(run, district7, "property", day, 2.0, 4.5);    // 1 observed
        fx.forecast(run, district12, "property", day.plusDays(1), 2.0, 0.1);  // not over yet: no alert
        List<AlertEvaluator.Raised> raised = evaluate().raised();
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).title()).contains("6 incidents of property in District 12").contains("4.5");
        UUID rerun = fx.run("FORECAST", noon.plusSeconds(60));
        fx.forecast(rerun, district12, "property", day, 2.0, 4.5);
        assertThat(evaluate().raised()).as("a new forecast of the same day is the same evidence").isEmpty();
    }

    @Test
    void quietHoursHoldNotificationsUntilMorningExceptCritical() {
        QuietHours quiet = new QuietHours(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(6, 0), Severity.CRITICAL);
        Instant night = LocalDate.of(2025, 3, 10).atTime(23, 30).atZone(AlertsFixture.ZONE).toInstant();
        Instant morning = LocalDate.of(2025, 3, 11).atTime(6, 0).atZone(AlertsFixture.ZONE).toInstant();
        Instant day = LocalDate.of(2025, 3, 10).atTime(14, 0).atZone(AlertsFixture.ZONE).toInstant();
        assertThat(quiet.releaseTime(night, Severity.HIGH, AlertsFixture.ZONE)).isEqualTo(morning);
        assertThat(quiet.releaseTime(night, Severity.CRITICAL, AlertsFixture.ZONE)).isEqualTo(night);
        assertThat(quiet.releaseTime(day, Severity.LOW, AlertsFixture.ZONE)).isEqualTo(day);
    }

    @Test
    void aBrokenRuleIsReportedAndTheOthersStillRun() {
        fx.rule("""
                name: Drugs immediately
                kind: CATEGORY_COUNT
                categories: [DRUGS]
                threshold: 1
                windowHours: 0
                """);
        fx.incident("DRUGS", t0, -75.18, 39.92, district12);
        fx.db.withConnection(c -> c.createStatement().executeUpdate(
                "INSERT INTO alert_rule (id, name, kind, definition) VALUES (RANDOM_UUID(), 'Z broken', 'HOTSPOT_SCORE', "
                        + "'name: Z broken\nkind: HOTSPOT_SCORE\nrunKind: GISTAR')"));
        fx.db.withConnection(c -> c.createStatement().executeUpdate("DROP TABLE hotspot_member"));
        fx.db.withConnection(c -> c.createStatement().executeUpdate("ALTER TABLE hotspot RENAME TO hotspot_gone"));
        AlertEvaluator.Report report = evaluate();
        assertThat(report.raised()).hasSize(1);
        assertThat(report.errors()).singleElement().asString().startsWith("Z broken:");
    }
}
