package org.khareetaty.report.export;

import java.util.Locale;

/** File formats of the data exports. */
public enum ExportFormat {
    CSV("csv"),
    GEOJSON("geojson");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** Parses "csv" or "geojson" (any case); the message lists what is allowed. */
    public static ExportFormat parse(String text) {
        for (ExportFormat format : values()) {
            if (format.name().equalsIgnoreCase(text) || format.extension.equalsIgnoreCase(text)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown export format '" + text + "': use csv or geojson");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
