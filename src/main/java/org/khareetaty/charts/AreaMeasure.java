package org.khareetaty.charts;

/** What the area comparison plots for each area. */
public enum AreaMeasure {
    COUNTS("Counts: this period, previous period, a year earlier"),
    CHANGE("Change (%) against the previous period and a year earlier"),
    RATE("Incidents per 100,000 residents");

    private final String label;

    AreaMeasure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
