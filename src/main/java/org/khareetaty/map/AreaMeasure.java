package org.khareetaty.map;

/** What an area choropleth shows. */
public enum AreaMeasure {
    COUNT("Incidents", "incidents"),
    CHANGE("Change on the previous period", "%"),
    RATE("Incidents per 1,000 residents", "per 1,000 residents");

    private final String title;
    private final String unit;

    AreaMeasure(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    public String title() {
        return title;
    }

    public String unit() {
        return unit;
    }
}
