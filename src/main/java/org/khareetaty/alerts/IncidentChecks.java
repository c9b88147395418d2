package org.khareetaty.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter.BoundingBox;

/** The rules over incidents themselves: a category count in an area, and a near-repeat burst. */
final class IncidentChecks {

    private IncidentChecks() {
    }

    /** An incident as these checks need it. */
    record Point(UUID id, Instant at, Double lon, Double lat, AreaRef area) {
    }

    /** At least {@code threshold} incidents of the categories in one area within {@code windowHours}. */
    static final class CategoryCount implements RuleCheck {
        @Override
        public List<AlertCandidate> find(Connection connection, AlertRule rule, EvaluationTime time) throws SQLException {
            RuleDefinition def = rule.definition();
            Duration window = Duration.ofHours(def.windowHours());
            Instant from = time.dataNow().minus(Duration.ofDays(def.lookbackDaysOrDefault())).minus(window);
            Map<AreaRef, List<Point>> byArea = new LinkedHashMap<>();
            for (Point point : load(connection, def, from, time.dataNow(), false)) {
                byArea.computeIfAbsent(point.area() == null ? NO_AREA : point.area(), a -> new ArrayList<>()).add(point);
            }
            List<AlertCandidate> found = new ArrayList<>();
            String what = describeCategories(def);
            for (Map.Entry<AreaRef, List<Point>> entry : byArea.entrySet()) {
                AreaRef area = entry.getKey() == NO_AREA ? null : entry.getKey();
                Instant last = lastEvidenceAt(connection, rule.id(), area);
                Deque<Point> inWindow = new ArrayDeque<>();
                for (Point point : entry.getValue()) {
                    inWindow.addLast(point);
                    while (inWindow.getFirst().at().isBefore(point.at().minus(window))) {
                        inWindow.removeFirst();
                    }
                    boolean cooledDown = window.isZero() || last == null || !point.at().isBefore(last.plus(window));
                    if (inWindow.size() >= def.threshold() && cooledDown) {
                        List<Point> evidence = List.copyOf(inWindow);
                        String where = area == null ? "" : " in " + area.name();
                        String summary = window.isZero()
                                ? what + where
                                : evidence.size() + " × " + what + where + " within " + def.windowHours() + " h";
                        found.add(new AlertCandidate("count:" + (area == null ? "all" : area.id()) + ":" + point.id(),
                                def.severityOrDefault(), area, summary, summary,
                                Evidence.incidents(ids(evidence), bbox(evidence)), point.at()));
                        last = point.at();
                    }
                }
            }
            return found;
        }
    }

    /** At least {@code threshold} incidents within {@code distanceMetres} and {@code days} of the latest one. */
    static final class NearRepeat implements RuleCheck {
        @Override
        public List<AlertCandidate> find(Connection connection, AlertRule rule, EvaluationTime time) throws SQLException {
            RuleDefinition def = rule.definition();
            Duration span = Duration.ofDays(def.days());
            Instant from = time.dataNow().minus(Duration.ofDays(def.lookbackDaysOrDefault())).minus(span);
            // Incidents already in an alert of this rule do not count again: a burst alerts once,
            // and again only when N new incidents join it.
            Set<UUID> covered = coveredIncidents(connection, rule.id(), from);
            Instant alertFrom = time.dataNow().minus(Duration.ofDays(def.lookbackDaysOrDefault()));
            Deque<Point> recent = new ArrayDeque<>();
            List<AlertCandidate> found = new ArrayList<>();
            String what = describeCategories(def);
            for (Point point : load(connection, def, from, time.dataNow(), true)) {
                while (!recent.isEmpty() && recent.getFirst().at().isBefore(point.at().minus(span))) {
                    recent.removeFirst();
                }
                recent.addLast(point);
                if (covered.contains(point.id()) || point.at().isBefore(alertFrom)) {
                    continue;
                }
                List<Point> near = new ArrayList<>();
                for (Point other : recent) {
                    if (!covered.contains(other.id()) && metres(point, other) <= def.distanceMetres()) {
                        near.add(other);
                    }
                }
                if (near.size() >= def.threshold()) {
                    near.forEach(p -> covered.add(p.id()));
                    String summary = near.size() + " × " + what + " within " + Math.round(def.distanceMetres())
                            + " m and " + def.days() + " days" + (point.area() == null ? "" : " in " + point.area().name());
                    found.add(new AlertCandidate("near-repeat:" + point.id(), def.severityOrDefault(), point.area(),
                            summary, summary, Evidence.incidents(ids(near), bbox(near)), point.at()));
                }
            }
            return found;
        }
    }

    private static final AreaRef NO_AREA = new AreaRef(new UUID(0, 0), "", "");

    /** Equirectangular distance: exact enough at the few hundred metres near-repeat analysis uses. */
    static double metres(Point a, Point b) {
        double latRad = Math.toRadians((a.lat() + b.lat()) / 2);
        double dx = (b.lon() - a.lon()) * Math.cos(latRad) * 111_320.0;
        double dy = (b.lat() - a.lat()) * 110_574.0;
        return Math.hypot(dx, dy);
    }

    static String describeCategories(RuleDefinition def) {
        List<String> parts = new ArrayList<>(def.categories());
        parts.addAll(def.categoryGroups());
        return parts.isEmpty() ? "incidents" : String.join("/", parts);
    }

    static List<Point> load(Connection connection, RuleDefinition def, Instant from, Instant to, boolean located)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT i.id, i.occurred_at, i.lon, i.lat, a.id, a.code, a.name FROM incident i ");
        List<Object> parameters = new ArrayList<>();
        if (def.areaKind() != null) {
            sql.append("LEFT JOIN incident_area ia ON ia.incident_id = i.id AND ia.kind = ? "
                    + "LEFT JOIN area a ON a.id = ia.area_id ");
            parameters.add(def.areaKind());
        } else {
            sql.append("LEFT JOIN area a ON FALSE ");
        }
        sql.append("WHERE i.occurred_at >= ? AND i.occurred_at <= ?");
        parameters.add(Timestamp.from(from));
        parameters.add(Timestamp.from(to));
        List<String> categoryClauses = new ArrayList<>();
        if (!def.categories().isEmpty()) {
            categoryClauses.add("i.category_code IN (" + placeholders(def.categories().size()) + ")");
            parameters.addAll(def.categories());
        }
        if (!def.categoryGroups().isEmpty()) {
            categoryClauses.add("i.category_code IN (SELECT c.code FROM category c WHERE c.category_group IN ("
                    + placeholders(def.categoryGroups().size()) + "))");
            parameters.addAll(def.categoryGroups());
        }
        if (!categoryClauses.isEmpty()) {
            sql.append(" AND (").append(String.join(" OR ", categoryClauses)).append(')');
        }
        if (!def.areas().isEmpty() && def.areaKind() != null) {
            sql.append(" AND a.code IN (").append(placeholders(def.areas().size())).append(')');
            parameters.addAll(def.areas());
        }
        if (located) {
            sql.append(" AND i.lon IS NOT NULL AND i.lat IS NOT NULL");
        }
        sql.append(" ORDER BY i.occurred_at, i.id");
        List<Point> points = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    UUID areaId = rs.getObject(5, UUID.class);
                    points.add(new Point(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            (Double) rs.getObject(3), (Double) rs.getObject(4),
                            areaId == null ? null : new AreaRef(areaId, rs.getString(6), rs.getString(7))));
                }
            }
        }
        return points;
    }

    private static Instant lastEvidenceAt(Connection connection, UUID ruleId, AreaRef area) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT MAX(evidence_at) FROM alert WHERE rule_id = ? AND "
                        + (area == null ? "area_id IS NULL" : "area_id = ?"))) {
            statement.setObject(1, ruleId);
            if (area != null) {
                statement.setObject(2, area.id());
            }
            try (ResultSet rs = statement.executeQuery()) {
                OffsetDateTime last = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
                return last == null ? null : last.toInstant();
            }
        }
    }

    private static Set<UUID> coveredIncidents(Connection connection, UUID ruleId, Instant from) throws SQLException {
        Set<UUID> covered = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT evidence FROM alert WHERE rule_id = ? AND evidence_at >= ?")) {
            statement.setObject(1, ruleId);
            statement.setTimestamp(2, Timestamp.from(from));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    covered.addAll(Evidence.fromJson(rs.getString(1)).incidentIds());
                }
            }
        }
        return covered;
    }

    static List<UUID> ids(List<Point> points) {
        return points.stream().map(Point::id).toList();
    }

    /** The box around the located points, or null when none has coordinates. */
    static BoundingBox bbox(List<Point> points) {
        List<Point> located = points.stream().filter(p -> p.lon() != null && p.lat() != null).toList();
        if (located.isEmpty()) {
            return null;
        }
        double minLon = located.stream().mapToDouble(Point::lon).min().orElseThrow();
        double maxLon = located.stream().mapToDouble(Point::lon).max().orElseThrow();
        double minLat = located.stream().mapToDouble(Point::lat).min().orElseThrow();
        double maxLat = located.stream().mapToDouble(Point::lat).max().orElseThrow();
        return new BoundingBox(minLon, minLat, maxLon, maxLat);
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
