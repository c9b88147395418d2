package org.khareetaty.analysis.forecast;

import java.time.LocalDate;

/**
 * One forecast period (a day or a week starting at {@code periodStart}): the point forecast (predictive
 * median, a whole count), the predictive mean, and the 80% and 95% prediction intervals. Never negative.
 */
public record ForecastPoint(LocalDate periodStart, Period period, double point, double mean, double lower80,
        double upper80, double lower95, double upper95) {

    /** Length of a forecast period. */
    public enum Period { DAY, WEEK }
}
