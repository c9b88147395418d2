package org.khareetaty.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Computes {@link IncidentProfile}s in SQL (two grouped queries, however many incidents there are). */
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
