package org.khareetaty.map;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.store.IncidentSnapshot;

/**
 * Per-area values for the choropleth, from the in-memory snapshot: counts under the filter, change
 * against the period of the same length just before, or the rate per 1,000 residents.
 */
public final class AreaStatistics {

    /** Length of the compared period when the filter has no dates: the last four weeks of data. */
    static final int DEFAULT_PERIOD_DAYS = 28;

    private AreaStatistics() {
    }

    /** Values by area id for the areas of one kind; areas without a value (no population for a rate) are left out. */
    public static Map<UUID, Double> values(IncidentSnapshot snapshot, IncidentFilter filter, List<MapArea> areas,
            String kind, AreaMeasure measure) {
        IncidentSnapshot.AreaColumn column = snapshot.areas(kind);
        Map<UUID, Double> values = new HashMap<>();
        if (column == null) {
            return values;
        }
        IncidentFilter current = filter;
        if (measure == AreaMeasure.CHANGE) {
            current = currentPeriod(snapshot, filter);
        }
        long[] counts = counts(snapshot, column, current);
        if (measure == AreaMeasure.CHANGE) {
            long days = ChronoUnit.DAYS.between(current.from(), current.to()) + 1;
            IncidentFilter previous = current.withDates(current.from().minusDays(days), current.from().minusDays(1));
            long[] before = counts(snapshot, column, previous);
            for (int a = 0; a < counts.length; a++) {
                if (before[a] > 0) {
                    values.put(column.areaIds().get(a), 100.0 * (counts[a] - before[a]) / before[a]);
                } else if (counts[a] > 0) {
                    values.put(column.areaIds().get(a), Double.POSITIVE_INFINITY);
                }
            }
            return values;
        }
        Map<UUID, Long> population = new HashMap<>();
        areas.forEach(a -> {
            if (a.population() != null && a.population() > 0) {
                population.put(a.id(), a.population());
            }
        });
        for (int a = 0; a < counts.length; a++) {
            UUID id = column.areaIds().get(a);
            if (measure == AreaMeasure.COUNT) {
                values.put(id, (double) counts[a]);
            } else if (population.containsKey(id)) {
                values.put(id, 1000.0 * counts[a] / population.get(id));
            }
        }
        return values;
    }

    /** The filter's own dates, or the last {@value #DEFAULT_PERIOD_DAYS} days of data when it has none. */
    static IncidentFilter currentPeriod(IncidentSnapshot snapshot, IncidentFilter filter) {
        LocalDate last = snapshot.lastDay() == null ? LocalDate.now() : snapshot.lastDay();
        LocalDate to = filter.to() != null ? filter.to() : last;
        LocalDate from = filter.from() != null ? filter.from() : to.minusDays(DEFAULT_PERIOD_DAYS - 1);
        return filter.withDates(from, to);
    }

    private static long[] counts(IncidentSnapshot snapshot, IncidentSnapshot.AreaColumn column, IncidentFilter filter) {
        long[] counts = new long[column.areaIds().size()];
        for (int row : snapshot.matching(filter)) {
            int area = column.areaIndex(row);
            if (area >= 0) {
                counts[area]++;
            }
        }
        return counts;
    }
}
