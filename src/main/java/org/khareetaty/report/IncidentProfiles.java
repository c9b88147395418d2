package org.khareetaty.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.khareetaty.analysis.hotspot.HotspotProfile;
import org.khareetaty.analysis.hotspot.HotspotRunRepository;

/**
 * Computes {@link IncidentProfile}s in SQL (two grouped queries, however many incidents there are), or takes
 * a hotspot's from what its analysis stored.
 */
final class IncidentProfiles {

    private IncidentProfiles() {
    }

    static IncidentProfile profile(Connection connection, IncidentSelection selection) throws SQLException {
        long[][] matrix = new long[7][24];
        long total = 0;
        long located = 0;
        LocalDate first = null;
        LocalDate last = null;
        try (PreparedStatement statement = connection.prepareStatement("SELECT i.local_dow, i.local_hour, COUNT(*), "
                + "COUNT(i.geom), MIN(i.local_date), MAX(i.local_date) FROM " + selection.from() + " WHERE " + selection.where()
                + " GROUP BY i.local_dow, i.local_hour")) {
            selection.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long count = rs.getLong(3);
                    matrix[rs.getInt(1) - 1][rs.getInt(2)] += count;
                    total += count;
                    located += rs.getLong(4);
                    LocalDate min = rs.getDate(5).toLocalDate();
                    LocalDate max = rs.getDate(6).toLocalDate();
                    first = first == null || min.isBefore(first) ? min : first;
                    last = last == null || max.isAfter(last) ? max : last;
                }
            }
        }
        return new IncidentProfile(total, located, categories(connection, selection), matrix, first, last);
    }

    /**
     * The profile of a hotspot's members as its analysis stored it (leading categories only), or empty for
     * hotspots stored without one. A ten-year cluster has a million members: looking each up again took
     * longer than the rest of a weekly report.
     */
    static Optional<IncidentProfile> stored(Connection connection, Hotspot hotspot) throws SQLException {
        Optional<HotspotProfile> stored = HotspotRunRepository.profile(connection, hotspot.id())
                .filter(HotspotProfile::hasWhen);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        HotspotProfile profile = stored.get();
        long[][] matrix = new long[7][24];
        long total = 0;
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                matrix[d][h] = profile.weekdayHours()[d][h];
                total += matrix[d][h];
            }
        }
        Map<String, String> labels = categoryLabels(connection);
        List<IncidentProfile.CategoryCount> categories = profile.categories().stream()
                .map(c -> new IncidentProfile.CategoryCount(c.category(), labels.getOrDefault(c.category(), c.category()),
                        c.count()))
                .toList();
        // Hotspot analyses cluster located incidents only.
        return Optional.of(new IncidentProfile(total, total, categories, matrix, profile.firstDay(), profile.lastDay()));
    }

    private static Map<String, String> categoryLabels(Connection connection) throws SQLException {
        Map<String, String> labels = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT code, label FROM category");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                labels.put(rs.getString(1), rs.getString(2));
            }
        }
        return labels;
    }

    static List<IncidentProfile.CategoryCount> categories(Connection connection, IncidentSelection selection)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT i.category_code, "
                + "COALESCE(MAX(c.label), i.category_code), COUNT(*) FROM " + selection.from()
                + " LEFT JOIN category c ON c.code = i.category_code WHERE " + selection.where()
                + " GROUP BY i.category_code ORDER BY 3 DESC, 1")) {
            selection.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                List<IncidentProfile.CategoryCount> counts = new ArrayList<>();
                while (rs.next()) {
                    counts.add(new IncidentProfile.CategoryCount(rs.getString(1), rs.getString(2), rs.getLong(3)));
                }
                return counts;
            }
        }
    }
}
