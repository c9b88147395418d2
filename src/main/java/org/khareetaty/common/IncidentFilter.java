package org.khareetaty.common;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The filter shared by every pane and analysis: a local-date window, categories, areas and an optional
 * map selection. Empty sets mean "all". Dates are inclusive and in the agency's local time.
 */
public record IncidentFilter(
        LocalDate from,
        LocalDate to,
        Set<String> categories,
        Set<UUID> areas,
        BoundingBox selection) {

    public static final IncidentFilter ALL = new IncidentFilter(null, null, Set.of(), Set.of(), null);

    public IncidentFilter {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        areas = areas == null ? Set.of() : Set.copyOf(areas);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The filter ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public IncidentFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new IncidentFilter(newFrom, newTo, categories, areas, selection);
    }

    public IncidentFilter withCategories(Set<String> newCategories) {
        return new IncidentFilter(from, to, newCategories, areas, selection);
    }

    public IncidentFilter withAreas(Set<UUID> newAreas) {
        return new IncidentFilter(from, to, categories, newAreas, selection);
    }

    public IncidentFilter withSelection(BoundingBox newSelection) {
        return new IncidentFilter(from, to, categories, areas, newSelection);
    }

    /** A longitude/latitude rectangle (WGS 84 degrees). */
    public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
        public boolean contains(double lon, double lat) {
            return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
        }
    }
}
