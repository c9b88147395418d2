package org.khareetaty.analysis.forecast;

/**
 * Average scores of one forecasting method at one horizon over all series x origin pairs. Coverage is
 * null for methods without intervals (the seasonal naive baseline).
 */
public record MethodScore(String method, int horizon, double mase, double mae, Double coverage80, Double coverage90,
        Double coverage95) {
}
