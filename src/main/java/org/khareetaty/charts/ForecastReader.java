package org.khareetaty.charts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.store.Database;

/**
 * Reads the newest stored forecast (analysis run of kind FORECAST, rows in forecast_point) for the series that
 * counts exactly what the filter counts: the whole data or one area, all categories or exactly one category group.
 */
public final class ForecastReader {

    /** The forecast to draw, or why there is none. */
    public record Lookup(Optional<ForecastSeries> forecast, String reason) {
        static Lookup none(String reason) {
            return new Lookup(Optional.empty(), reason);
        }
    }

    private final Database database;

    public ForecastReader(Database database) {
        this.database = database;
    }

    public Lookup find(IncidentFilter filter, CategoryCatalog categories, TimeGranularity preferredPeriod) {
        if (filter.selection() != null || !filter.hours().isEmpty() || !filter.weekdays().isEmpty()
                || filter.areas().size() > 1) {
            return Lookup.none("No forecast for this filter: forecasts cover all hours and days, one area at most.");
        }
        Optional<String> group = Optional.empty();
        if (!filter.categories().isEmpty()) {
            Set<String> groups = filter.categories().stream().map(code -> categories.info(code).group())
                    .collect(Collectors.toSet());
            String only = groups.size() == 1 ? groups.iterator().next() : "";
            Set<String> codesOfGroup = categories.all().stream().filter(info -> info.group().equals(only))
                    .map(CategoryInfo::code).collect(Collectors.toSet());
            if (only.isEmpty() || !codesOfGroup.equals(filter.categories())) {
                return Lookup.none("No forecast for this filter: forecasts cover all categories or one whole group.");
            }
            group = Optional.of(only);
        }
        UUID area = filter.areas().isEmpty() ? null : filter.areas().iterator().next();
        Optional<String> categoryGroup = group;
        return database.withConnection(connection -> {
            UUID runId;
            OffsetDateTime madeAt;
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT id, started_at FROM analysis_run WHERE kind = 'FORECAST' ORDER BY started_at DESC LIMIT 1");
                    ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return Lookup.none("No forecast has been run yet.");
                }
                runId = rs.getObject(1, UUID.class);
                madeAt = rs.getObject(2, OffsetDateTime.class);
            }
            String query = "SELECT series_key, period, period_start, mean, lower80, upper80, lower95, upper95"
                    + " FROM forecast_point WHERE run_id = ?"
                    + (area == null ? " AND area_id IS NULL" : " AND area_id = ?")
                    + (categoryGroup.isEmpty() ? " AND category_group IS NULL" : " AND category_group = ?")
                    + " ORDER BY series_key, period_start";
            Map<String, List<ForecastSeries.Point>> bySeries = new LinkedHashMap<>();
            Map<String, TimeGranularity> periods = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                int index = 1;
                statement.setObject(index++, runId);
                if (area != null) {
                    statement.setObject(index++, area);
                }
                if (categoryGroup.isPresent()) {
                    statement.setString(index, categoryGroup.get());
                }
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        periods.put(key, TimeGranularity.valueOf(rs.getString(2)));
                        bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(new ForecastSeries.Point(
                                rs.getDate(3).toLocalDate(), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                                rs.getDouble(7), rs.getDouble(8)));
                    }
                }
            }
            if (bySeries.isEmpty()) {
                return Lookup.none("The latest forecast has no series for this filter.");
            }
            String key = periods.entrySet().stream().filter(entry -> entry.getValue() == preferredPeriod)
                    .map(Map.Entry::getKey).findFirst().orElse(bySeries.keySet().iterator().next());
            return new Lookup(Optional.of(new ForecastSeries(runId, madeAt.toInstant(), key, periods.get(key),
                    bySeries.get(key))), "");
        });
    }
}
