package org.khareetaty.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Everything a weekly (CompStat-style) report shows, computed from the database before any drawing,
 * so tests can compare each figure with SQL and the PDF writer only lays out.
 */
public record WeeklyReport(
        String agency,
        IsoWeek week,
        IsoWeek previousWeek,
        IsoWeek yearAgoWeek,
        List<AreaRef> areas,
        String author,
        Instant generatedAt,
        ZoneId zone,
        Counts total,
        List<Counts> groups,
        List<Counts> categories,
        List<WeekCount> trend,
        ReportForecast forecast,
        HotspotRun hotspotRun,
        List<HotspotSummary> hotspots,
        List<AlertRow> alerts,
        IsoWeek nextWeek,
        List<RiskArea> riskAreas,
        boolean riskFromForecast,
        MapLayers map,
        Provenance provenance) {

    /** Counts of one category, group or the total in the report week, the week before and a year earlier. */
    public record Counts(String code, String label, long current, long previous, long yearAgo) {
    }

    /** Incidents in one ISO week. */
    public record WeekCount(IsoWeek week, long count) {
    }

    /** A hotspot with its incidents in the report week and the profile of its incidents. */
    public record HotspotSummary(Hotspot hotspot, long inWeek, IncidentProfile profile, boolean profileFromMembers) {
    }

    /** An alert raised in the report week, with its status now. */
    public record AlertRow(UUID id, Instant raisedAt, String severity, String title, String ruleName, String areaName,
            String status, String assignedTo) {
    }

    /** An area ranked for next week: expected count (forecast, or none), this week and the recent average. */
    public record RiskArea(AreaRef area, Double expected, Double lower80, Double upper80, long thisWeek,
            double recentWeeklyAverage) {
    }

    /** What the map shows: the week's located incidents, area outlines and the top hotspots. */
    public record MapLayers(double[] lons, double[] lats, List<AreaDirectory.Shape> areas, List<Hotspot> hotspots) {
    }

    /** Where the numbers came from. */
    public record Provenance(LocalDate dataFrom, LocalDate dataTo, long totalRows, long scopeRows, long weekRows,
            long weekLocated, String appVersion, String schemaVersion, long queryMillis) {
    }

    /** Located share of the report week in percent (0 when the week is empty). */
    public double locatedPercent() {
        return provenance.weekRows() == 0 ? 0 : 100.0 * provenance.weekLocated() / provenance.weekRows();
    }
}
