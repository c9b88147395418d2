package org.khareetaty.map;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the map looks: its centre and zoom level. Kept per data folder (setting {@code map.view.last}) so the
 * map reopens where the analyst left it, and its first tiles can be asked for before anything else is read.
 */
public record MapPosition(double centerLon, double centerLat, double zoom) {

    public MapPosition {
        if (!(Math.abs(centerLon) <= 180) || !(Math.abs(centerLat) <= WebMercator.MAX_LATITUDE) || !(zoom >= 0 && zoom <= 20)) {
            throw new IllegalArgumentException("not a map position: " + centerLon + ", " + centerLat + " at zoom " + zoom);
        }
    }

    public static MapPosition of(MapViewport view) {
        return new MapPosition(view.centerLon(), view.centerLat(), view.zoom());
    }

    /** {@code "lon,lat,zoom"}, as stored. */
    public String format() {
        return String.format(Locale.ROOT, "%.6f,%.6f,%.3f", centerLon, centerLat, zoom);
    }

    /** The stored text read back; empty when there is none or it is not a position (never an error at start-up). */
    public static Optional<MapPosition> parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MapPosition(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                    Double.parseDouble(parts[2].strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
