package org.khareetaty.alerts;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter.BoundingBox;

/** The rules over stored analysis results: hotspot scores, hotspot changes between runs, forecast exceedance. */
final class AnalysisChecks {

    private AnalysisChecks() {
    }

    /** A hotspot of the latest run, with what overlapped it in the run before. */
    record HotspotRow(UUID id, UUID runId, String runKind, int rank, String label, Double score, long count,
            BoundingBox bbox, int previousOverlaps, Double previousScore, Long previousCount) {
        String name() {
            return label == null || label.isBlank() ? "hotspot #" + rank : label;
        }
    }

    /** Alerts when a hotspot reaches a score level that no overlapping hotspot of the previous run had. */
    static final class HotspotScore implements RuleCheck {
        @Override
        public List<AlertCandidate> find(Connection connection, AlertRule rule, EvaluationTime time) throws SQLException {
            RuleDefinition def = rule.definition();
            List<AlertCandidate> found = new ArrayList<>();
            for (HotspotRow hotspot : latestHotspots(connection, def.runKind())) {
                Severity level = level(def.levelsOrDefault(), hotspot.score());
                if (level == null) {
                    continue;
                }
                Severity before = level(def.levelsOrDefault(), hotspot.previousScore());
                if (before != null && level.compareTo(before) <= 0) {
                    continue;
                }
                AreaRef area = AreaLocator.locate(connection, def.areaKind(), hotspot.bbox());
                if (!inAreas(def, area)) {
                    continue;
                }
                String summary = String.format("%s of %s scored %.1f (%s)%s", hotspot.name(), hotspot.runKind(),
                        hotspot.score(), level, before == null ? "" : ", was " + before);
                found.add(new AlertCandidate("score:" + hotspot.id() + ":" + level, level, area, summary, summary,
                        hotspotEvidence(hotspot), null));
            }
            return found;
        }
    }

    /** Alerts on a hotspot with no overlapping hotspot in the previous run, or one that grew by growthPercent. */
    static final class HotspotChange implements RuleCheck {
        @Override
        public List<AlertCandidate> find(Connection connection, AlertRule rule, EvaluationTime time) throws SQLException {
            RuleDefinition def = rule.definition();
            double growth = def.growthPercent() == null ? 25.0 : def.growthPercent();
            List<AlertCandidate> found = new ArrayList<>();
            List<HotspotRow> latest = latestHotspots(connection, def.runKind());
            if (latest.isEmpty() || latest.get(0).previousOverlaps() < 0) {
                return found;  // no earlier run to compare with: every hotspot would look new
            }
            for (HotspotRow hotspot : latest) {
                String summary;
                if (hotspot.previousOverlaps() == 0) {
                    summary = String.format("New %s in %s: %d incidents", hotspot.name(), hotspot.runKind(), hotspot.count());
                } else if (hotspot.previousCount() != null && hotspot.previousCount() > 0
                        && hotspot.count() >= hotspot.previousCount() * (1 + growth / 100.0)) {
                    summary = String.format("%s in %s grew from %d to %d incidents (+%.0f%%)", hotspot.name(),
                            hotspot.runKind(), hotspot.previousCount(), hotspot.count(),
                            100.0 * (hotspot.count() - hotspot.previousCount()) / hotspot.previousCount());
                } else {
                    continue;
                }
                AreaRef area = AreaLocator.locate(connection, def.areaKind(), hotspot.bbox());
                if (inAreas(def, area)) {
                    found.add(new AlertCandidate("change:" + hotspot.id(), def.severityOrDefault(), area, summary,
                            summary, hotspotEvidence(hotspot), null));
                }
            }
            return found;
        }
    }

    /** Alerts when a completed period's observed count is above the forecast's upper bound (95% by default). */
    static final class ForecastExceedance implements RuleCheck {
        @Override
        public List<AlertCandidate> find(Connection connection, AlertRule rule, EvaluationTime time) throws SQLException {
            RuleDefinition def = rule.definition();
            String boundColumn = def.bound() != null && def.bound() == 80 ? "upper80" : "upper95";
            int boundLevel = "upper80".equals(boundColumn) ? 80 : 95;
            UUID run = latestRun(connection, "EXISTS (SELECT 1 FROM forecast_point f WHERE f.run_id = r.id)", def.runKind());
            if (run == null) {
                return List.of();
            }
            LocalDate today = time.dataNow().atZone(time.zone()).toLocalDate();
            LocalDate from = today.minusDays(def.lookbackDaysOrDefault());
            List<AlertCandidate> found = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT f.id, f.series_key, f.area_id, f.category_group, f.period_start, f.period, f.mean, f." + boundColumn
                            + ", a.code, a.name FROM forecast_point f LEFT JOIN area a ON a.id = f.area_id "
                            + "WHERE f.run_id = ? AND f.period_start >= ? ORDER BY f.period_start, f.series_key")) {
                statement.setObject(1, run);
                statement.setDate(2, Date.valueOf(from));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        LocalDate start = rs.getDate(5).toLocalDate();
                        LocalDate end = "WEEK".equalsIgnoreCase(rs.getString(6)) ? start.plusWeeks(1) : start.plusDays(1);
                        String group = rs.getString(4);
                        UUID areaId = rs.getObject(3, UUID.class);
                        AreaRef area = areaId == null ? null : new AreaRef(areaId, rs.getString(9), rs.getString(10));
                        if (end.isAfter(today) || !inAreas(def, area)
                                || (!def.categoryGroups().isEmpty() && !def.categoryGroups().contains(group))) {
                            continue;  // the period is not over yet, or the rule does not cover this series
                        }
                        long observed = observed(connection, areaId, group, start, end);
                        double upper = rs.getDouble(8);
                        if (observed > upper) {
                            String seriesKey = rs.getString(2);
                            String summary = String.format("%d incidents%s%s in the %s from %s, above the %d%% bound %.1f"
                                    + " (forecast %.1f)", observed, group == null ? "" : " of " + group,
                                    area == null ? "" : " in " + area.name(), end.equals(start.plusDays(1)) ? "day" : "week",
                                    start, boundLevel, upper, rs.getDouble(7));
                            Evidence evidence = new Evidence(List.of(), run, null, null, null, observed,
                                    rs.getObject(1, UUID.class), seriesKey, start, upper, rs.getDouble(7),
                                    area == null ? null : Evidence.Extent.of(AreaLocator.bbox(connection, areaId)));
                            found.add(new AlertCandidate("forecast:" + seriesKey + ":" + start + ":" + rs.getString(6),
                                    def.severityOrDefault(), area, summary, summary, evidence,
                                    end.atStartOfDay(time.zone()).toInstant()));
                        }
                    }
                }
            }
            return found;
        }

        private static long observed(Connection connection, UUID areaId, String group, LocalDate start, LocalDate end)
                throws SQLException {
            StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM incident i WHERE i.local_date >= ? AND i.local_date < ?");
            if (areaId != null) {
                sql.append(" AND EXISTS (SELECT 1 FROM incident_area ia WHERE ia.incident_id = i.id AND ia.area_id = ?)");
            }
            if (group != null) {
                sql.append(" AND i.category_code IN (SELECT c.code FROM category c WHERE c.category_group = ?)");
            }
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int index = 1;
                statement.setDate(index++, Date.valueOf(start));
                statement.setDate(index++, Date.valueOf(end));
                if (areaId != null) {
                    statement.setObject(index++, areaId);
                }
                if (group != null) {
                    statement.setString(index, group);
                }
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    static Severity level(Map<Severity, Double> levels, Double score) {
        if (score == null) {
            return null;
        }
        Severity reached = null;
        for (Severity severity : Severity.values()) {
            Double threshold = levels.get(severity);
            if (threshold != null && score >= threshold) {
                reached = severity;
            }
        }
        return reached;
    }

    static boolean inAreas(RuleDefinition def, AreaRef area) {
        return def.areas().isEmpty() || (area != null && def.areas().contains(area.code()));
    }

    private static Evidence hotspotEvidence(HotspotRow hotspot) {
        return new Evidence(List.of(), hotspot.runId(), hotspot.id(), hotspot.score(), hotspot.previousCount(),
                hotspot.count(), null, null, null, null, null, Evidence.Extent.of(hotspot.bbox()));
    }

    /** The most recent run that has results (and is of {@code kind} when given). */
    static UUID latestRun(Connection connection, String hasResults, String kind) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT r.id FROM analysis_run r WHERE "
                + hasResults + (kind == null ? "" : " AND r.kind = ?") + " ORDER BY r.started_at DESC LIMIT 1")) {
            if (kind != null) {
                statement.setString(1, kind);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
    }

    /**
     * Hotspots of the latest run (of {@code kind}, else of any kind), each with the hotspots of the previous
     * run of the same kind that overlap it. previousOverlaps is -1 when there is no previous run.
     */
    static List<HotspotRow> latestHotspots(Connection connection, String kind) throws SQLException {
        String hasHotspots = "EXISTS (SELECT 1 FROM hotspot h WHERE h.run_id = r.id)";
        UUID latest = latestRun(connection, hasHotspots, kind);
        if (latest == null) {
            return List.of();
        }
        String runKind;
        java.time.OffsetDateTime startedAt;
        try (PreparedStatement statement = connection.prepareStatement("SELECT kind, started_at FROM analysis_run WHERE id = ?")) {
            statement.setObject(1, latest);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                runKind = rs.getString(1);
                startedAt = rs.getObject(2, java.time.OffsetDateTime.class);
            }
        }
        UUID previous;
        try (PreparedStatement statement = connection.prepareStatement("SELECT r.id FROM analysis_run r WHERE " + hasHotspots
                + " AND r.kind = ? AND r.started_at < ? ORDER BY r.started_at DESC LIMIT 1")) {
            statement.setString(1, runKind);
            statement.setObject(2, startedAt);
            try (ResultSet rs = statement.executeQuery()) {
                previous = rs.next() ? rs.getObject(1, UUID.class) : null;
            }
        }
        String wgs84 = "CASE WHEN ST_SRID(h.geom) IN (0, 4326) THEN h.geom ELSE ST_Transform(h.geom, 4326) END";
        String overlap = "FROM hotspot p WHERE p.run_id = ? AND ST_Intersects(p.geom, h.geom)";
        List<HotspotRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT h.id, h.rank, h.label, h.score, h.incident_count, "
                + "ST_XMin(g), ST_YMin(g), ST_XMax(g), ST_YMax(g), "
                + "(SELECT COUNT(*) " + overlap + "), (SELECT MAX(p.score) " + overlap + "), "
                + "(SELECT MAX(p.incident_count) " + overlap + ") "
                + "FROM (SELECT h.*, " + wgs84 + " g FROM hotspot h WHERE h.run_id = ?) h ORDER BY h.rank")) {
            for (int i = 1; i <= 3; i++) {
                statement.setObject(i, previous);
            }
            statement.setObject(4, latest);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new HotspotRow(rs.getObject(1, UUID.class), latest, runKind, rs.getInt(2), rs.getString(3),
                            (Double) rs.getObject(4), rs.getLong(5),
                            new BoundingBox(rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9)),
                            previous == null ? -1 : rs.getInt(10), (Double) rs.getObject(11),
                            rs.getObject(12) == null ? null : rs.getLong(12)));
                }
            }
        }
        return rows;
    }
}
