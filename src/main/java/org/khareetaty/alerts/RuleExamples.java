package org.khareetaty.alerts;

import java.util.Map;

/**
 * A starting YAML for each rule kind, as the "New rule" menu offers it. The hotspot score and category count
 * examples are the origin system's escalations; numbers are placeholders to replace with real ones.
 */
public final class RuleExamples {

    private static final Map<RuleKind, String> EXAMPLES = Map.of(
            RuleKind.HOTSPOT_SCORE, """
                    name: Hotspot score escalation
                    kind: HOTSPOT_SCORE
                    # Origin system levels; the alert's severity is the highest level reached.
                    levels: {LOW: 10, MEDIUM: 20, HIGH: 40, CRITICAL: 60}
                    areaKind: district
                    recipients:
                      - {role: ANALYST, channel: WHATSAPP, to: "+96550000001", minSeverity: LOW}
                      - {role: ADMINISTRATOR, channel: SMS, to: "+96550000002", minSeverity: HIGH}
                    quietHours: {from: "22:00", to: "06:00", except: CRITICAL}
                    template: "[{severity}] {summary} — {area}"
                    """,
            RuleKind.CATEGORY_COUNT, """
                    name: Vehicle thefts in a district
                    kind: CATEGORY_COUNT
                    severity: HIGH
                    categories: [VEHICLE_THEFT]
                    threshold: 3
                    windowHours: 24
                    areaKind: district
                    recipients:
                      - {role: ANALYST, channel: SMS, to: "+96550000001"}
                    template: "تنبيه: {summary} ({time})"
                    """,
            RuleKind.FORECAST_EXCEEDANCE, """
                    name: Above the forecast
                    kind: FORECAST_EXCEEDANCE
                    severity: MEDIUM
                    bound: 95
                    recipients:
                      - {role: ANALYST, channel: SMS, to: "+96550000001"}
                    """,
            RuleKind.HOTSPOT_CHANGE, """
                    name: New or growing hotspot
                    kind: HOTSPOT_CHANGE
                    severity: MEDIUM
                    growthPercent: 25
                    areaKind: district
                    recipients:
                      - {role: ANALYST, channel: WHATSAPP, to: "+96550000001"}
                    """,
            RuleKind.NEAR_REPEAT, """
                    name: Burglary near-repeat burst
                    kind: NEAR_REPEAT
                    severity: HIGH
                    categories: [BURGLARY]
                    threshold: 3
                    distanceMetres: 400
                    days: 14
                    areaKind: district
                    recipients:
                      - {role: ANALYST, channel: SMS, to: "+96550000001"}
                    """);

    private RuleExamples() {
    }

    public static String forKind(RuleKind kind) {
        return EXAMPLES.get(kind);
    }

    /** The drug-offences rule of the origin system: every incident alerts at once. */
    public static final String DRUGS_IMMEDIATELY = """
            name: Drug offences immediately
            kind: CATEGORY_COUNT
            severity: MEDIUM
            categoryGroups: [drugs]
            threshold: 1
            windowHours: 0
            """;
}
