package org.khareetaty.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An alert rule as the user writes it in YAML. Fields that a kind does not use stay empty; {@link #problems()}
 * lists what is missing or wrong, naming each field, so the editor and the importer can say exactly what to fix.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "kind", "enabled", "severity", "categories", "categoryGroups", "threshold", "windowHours",
        "distanceMetres", "days", "lookbackDays", "levels", "growthPercent", "runKind", "bound", "areaKind", "areas",
        "recipients", "quietHours", "template"})
public record RuleDefinition(
        String name,
        RuleKind kind,
        Boolean enabled,
        Severity severity,
        List<String> categories,
        List<String> categoryGroups,
        Integer threshold,
        Integer windowHours,
        Double distanceMetres,
        Integer days,
        Integer lookbackDays,
        Map<Severity, Double> levels,
        Double growthPercent,
        String runKind,
        Integer bound,
        String areaKind,
        List<String> areas,
        List<Recipient> recipients,
        QuietHours quietHours,
        String template) {

    /** The origin system's score levels. */
    public static final Map<Severity, Double> ORIGIN_LEVELS = Map.of(
            Severity.LOW, 10.0, Severity.MEDIUM, 20.0, Severity.HIGH, 40.0, Severity.CRITICAL, 60.0);

    public static final String DEFAULT_TEMPLATE = "[{severity}] {rule}: {summary} — {area}, {time}";

    public RuleDefinition {
        categories = categories == null ? List.of() : List.copyOf(categories);
        categoryGroups = categoryGroups == null ? List.of() : List.copyOf(categoryGroups);
        areas = areas == null ? List.of() : List.copyOf(areas);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        levels = levels == null ? Map.of() : new LinkedHashMap<>(levels);
    }

    public RuleDefinition withEnabled(boolean on) {
        return new RuleDefinition(name, kind, on, severity, categories, categoryGroups, threshold, windowHours,
                distanceMetres, days, lookbackDays, levels, growthPercent, runKind, bound, areaKind, areas, recipients,
                quietHours, template);
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }

    public Severity severityOrDefault() {
        return severity == null ? Severity.MEDIUM : severity;
    }

    public int lookbackDaysOrDefault() {
        return lookbackDays == null ? 7 : lookbackDays;
    }

    public Map<Severity, Double> levelsOrDefault() {
        return levels.isEmpty() ? ORIGIN_LEVELS : levels;
    }

    public String templateOrDefault() {
        return template == null || template.isBlank() ? DEFAULT_TEMPLATE : template;
    }

    /** Every problem with this definition as "field: what is wrong"; empty when the rule can be stored. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add("name: a rule needs a name");
        } else if (name.length() > 200) {
            problems.add("name: at most 200 characters");
        }
        if (kind == null) {
            problems.add("kind: one of HOTSPOT_SCORE, CATEGORY_COUNT, FORECAST_EXCEEDANCE, HOTSPOT_CHANGE, NEAR_REPEAT");
            return problems;
        }
        switch (kind) {
            case CATEGORY_COUNT -> {
                positive(problems, "threshold", threshold);
                if (windowHours == null || windowHours < 0) {
                    problems.add("windowHours: hours of the window, 0 or more (0 with threshold 1 means every incident)");
                }
                if (categories.isEmpty() && categoryGroups.isEmpty()) {
                    problems.add("categories: name at least one category code or category group");
                }
            }
            case NEAR_REPEAT -> {
                positive(problems, "threshold", threshold);
                if (threshold != null && threshold < 2) {
                    problems.add("threshold: a near-repeat burst needs at least 2 incidents");
                }
                if (distanceMetres == null || distanceMetres <= 0 || distanceMetres > 10_000) {
                    problems.add("distanceMetres: a distance from 1 to 10000 metres");
                }
                positive(problems, "days", days);
            }
            case HOTSPOT_SCORE -> levelsOrDefault().forEach((level, score) -> {
                if (score == null || score < 0) {
                    problems.add("levels." + level + ": a score of 0 or more");
                }
            });
            case HOTSPOT_CHANGE -> {
                if (growthPercent != null && growthPercent <= 0) {
                    problems.add("growthPercent: a growth above 0 percent");
                }
            }
            case FORECAST_EXCEEDANCE -> {
                if (bound != null && bound != 80 && bound != 95) {
                    problems.add("bound: 80 or 95 (the forecast's upper bound to compare with)");
                }
            }
            default -> throw new IllegalStateException("Unhandled kind " + kind);
        }
        if (lookbackDays != null && (lookbackDays < 1 || lookbackDays > 366)) {
            problems.add("lookbackDays: from 1 to 366 days");
        }
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            String at = "recipients[" + (i + 1) + "]";
            if (r.channel() == null) {
                problems.add(at + ".channel: SMS or WHATSAPP");
            }
            if (r.to() == null || !r.to().replace("whatsapp:", "").matches("\\+[1-9][0-9]{6,14}")) {
                problems.add(at + ".to: a number in international form such as +96550001234");
            }
        }
        if (quietHours != null && (quietHours.from() == null || quietHours.to() == null)) {
            problems.add("quietHours: give both from and to, e.g. from: \"22:00\", to: \"06:00\"");
        }
        if (template != null && template.length() > 1000) {
            problems.add("template: at most 1000 characters");
        }
        if (template != null && !MessageTemplate.unknownPlaceholders(template).isEmpty()) {
            problems.add("template: unknown placeholder " + String.join(", ", MessageTemplate.unknownPlaceholders(template))
                    + "; use {" + String.join("}, {", MessageTemplate.PLACEHOLDERS) + "}");
        }
        return problems;
    }

    private static void positive(List<String> problems, String field, Integer value) {
        if (value == null || value < 1) {
            problems.add(field + ": a whole number of 1 or more");
        }
    }
}
