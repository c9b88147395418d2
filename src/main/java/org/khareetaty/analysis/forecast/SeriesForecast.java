package org.khareetaty.analysis.forecast;

import java.util.List;

/** The forecast of one series: daily points for the horizon and weekly totals for its whole weeks. */
public record SeriesForecast(CountSeries.Series series, List<ForecastPoint> daily, List<ForecastPoint> weekly,
        double dispersion) {
}
