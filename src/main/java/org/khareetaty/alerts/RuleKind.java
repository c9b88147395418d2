package org.khareetaty.alerts;

/** The triggers an alert rule can use. */
public enum RuleKind {
    /** A hotspot's score reaches a level (origin system: low 10, medium 20, high 40, critical 60). */
    HOTSPOT_SCORE,
    /** At least N incidents of some categories in one area within a time window. */
    CATEGORY_COUNT,
    /** An observed period count above the upper bound of the stored forecast. */
    FORECAST_EXCEEDANCE,
    /** A hotspot that is new, or has grown, compared with the previous run of the same analysis. */
    HOTSPOT_CHANGE,
    /** N incidents within X metres and Y days of each other. */
    NEAR_REPEAT
}
