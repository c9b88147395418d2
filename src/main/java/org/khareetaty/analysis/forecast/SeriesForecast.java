package org.khareetaty.analysis.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * The forecast of one series: daily points for the horizon, weekly totals for the whole ISO weeks in it,
 * the fitted dispersion, and the last weeks of observed daily counts (from {@code historyFrom}) to draw
 * the forecast against.
 */
public record SeriesForecast(CountSeries.Series series, List<ForecastPoint> daily, List<ForecastPoint> weekly,
        double dispersion, LocalDate historyFrom, int[] history) {
}
