package org.khareetaty.charts;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.khareetaty.analysis.forecast.CountSeries;
import org.khareetaty.analysis.forecast.ForecastPoint;
import org.khareetaty.analysis.forecast.ForecastStore;
import org.khareetaty.common.IncidentFilter;

/**
 * Finds the newest stored forecast (see {@link ForecastStore#latestForecast}) of the series that counts exactly what
 * the filter counts: the whole agency or one area, all categories or exactly one category group.
 */
public final class ForecastReader {

    /** The forecast to draw, or why there is none. */
    public record Lookup(Optional<ForecastSeries> forecast, String reason) {
        static Lookup none(String reason) {
            return new Lookup(Optional.empty(), reason);
        }
    }

    private final ForecastStore store;

    public ForecastReader(ForecastStore store) {
        this.store = store;
    }

    /**
     * The forecast by {@code preferred} periods when stored, else by the other period length (the caller then says
     * which bucket shows it).
     */
    public Lookup find(IncidentFilter filter, CategoryCatalog categories, TimeGranularity preferred) {
        if (filter.selection() != null || !filter.hours().isEmpty() || !filter.weekdays().isEmpty()
                || filter.areas().size() > 1) {
            return Lookup.none("No forecast for this filter: forecasts cover all hours and days, one area at most.");
        }
        String group = null;
        if (!filter.categories().isEmpty()) {
            Set<String> groups = filter.categories().stream().map(code -> categories.info(code).group())
                    .collect(Collectors.toSet());
            String only = groups.size() == 1 ? groups.iterator().next() : "";
            Set<String> codesOfGroup = categories.all().stream().filter(info -> info.group().equals(only))
                    .map(CategoryInfo::code).collect(Collectors.toSet());
            if (only.isEmpty() || !codesOfGroup.equals(filter.categories())) {
                return Lookup.none("No forecast for this filter: forecasts cover all categories or one whole group.");
            }
            group = only;
        }
        UUID area = filter.areas().isEmpty() ? null : filter.areas().iterator().next();
        String key = CountSeries.key(area, group);
        ForecastPoint.Period first = preferred == TimeGranularity.DAY ? ForecastPoint.Period.DAY
                : ForecastPoint.Period.WEEK;
        ForecastPoint.Period second = first == ForecastPoint.Period.DAY ? ForecastPoint.Period.WEEK
                : ForecastPoint.Period.DAY;
        Optional<ForecastStore.StoredForecast> stored = store.latestForecast(key, first)
                .or(() -> store.latestForecast(key, second));
        if (stored.isEmpty()) {
            return Lookup.none("No forecast of this series (" + key + ") has been run yet.");
        }
        ForecastStore.StoredForecast forecast = stored.get();
        return new Lookup(Optional.of(new ForecastSeries(forecast.runId(), forecast.computedAt(), key,
                TimeGranularity.valueOf(forecast.points().get(0).period().name()),
                forecast.points().stream().map(point -> new ForecastSeries.Point(point.periodStart(), point.mean(),
                        point.lower80(), point.upper80(), point.lower95(), point.upper95())).toList())), "");
    }
}
