package org.khareetaty.charts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The charts of the chart pane; {@link #cliName()} is how the command line names them. */
public enum ChartKind {
    TIMELINE("timeline", "Incidents over time"),
    CATEGORIES_OVER_TIME("stacked", "Incidents by category over time"),
    HOUR_WEEKDAY("heatmap", "Hour of day × day of week"),
    AREAS("areas", "Area comparison"),
    TOP_CATEGORIES("categories", "Top categories");

    private final String cliName;
    private final String title;

    ChartKind(String cliName, String title) {
        this.cliName = cliName;
        this.title = title;
    }

    public String cliName() {
        return cliName;
    }

    public String title() {
        return title;
    }

    public static ChartKind fromCliName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.cliName.equals(wanted) || kind.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown chart '" + name + "'; choose one of "
                        + Arrays.stream(values()).map(ChartKind::cliName).collect(Collectors.joining(", "))));
    }
}
