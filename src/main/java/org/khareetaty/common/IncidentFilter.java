package org.khareetaty.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The filter shared by every pane and analysis: a local-date window, categories, areas, an optional
 * map selection, and local hours of the day and days of the week (as picked in the hour × weekday chart).
 * Empty sets mean "all". Dates are inclusive and in the agency's local time.
 */
public record IncidentFilter(
        LocalDate from,
        LocalDate to,
        Set<String> categories,
        Set<UUID> areas,
        BoundingBox selection,
        Set<Integer> hours,
        Set<DayOfWeek> weekdays) {

    public static final IncidentFilter ALL = new IncidentFilter(null, null, Set.of(), Set.of(), null);

    public IncidentFilter {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        areas = areas == null ? Set.of() : Set.copyOf(areas);
        hours = hours == null ? Set.of() : Set.copyOf(hours);
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The filter ends (" + to + ") before it starts (" + from + ")");
        }
        for (Integer hour : hours) {
            if (hour < 0 || hour > 23) {
                throw new IllegalArgumentException("An hour of the day is 0 to 23, not " + hour);
            }
        }
    }

    /** A filter without hour or weekday conditions (the shape the filter had before those existed). */
    public IncidentFilter(LocalDate from, LocalDate to, Set<String> categories, Set<UUID> areas, BoundingBox selection) {
        this(from, to, categories, areas, selection, Set.of(), Set.of());
    }

    public IncidentFilter withDates(LocalDate newFrom, LocalDate newTo) {
        return new IncidentFilter(newFrom, newTo, categories, areas, selection, hours, weekdays);
    }

    public IncidentFilter withCategories(Set<String> newCategories) {
        return new IncidentFilter(from, to, newCategories, areas, selection, hours, weekdays);
    }

    public IncidentFilter withAreas(Set<UUID> newAreas) {
        return new IncidentFilter(from, to, categories, newAreas, selection, hours, weekdays);
    }

    public IncidentFilter withSelection(BoundingBox newSelection) {
        return new IncidentFilter(from, to, categories, areas, newSelection, hours, weekdays);
    }

    public IncidentFilter withHours(Set<Integer> newHours) {
        return new IncidentFilter(from, to, categories, areas, selection, newHours, weekdays);
    }

    public IncidentFilter withWeekdays(Set<DayOfWeek> newWeekdays) {
        return new IncidentFilter(from, to, categories, areas, selection, hours, newWeekdays);
    }

    /** True when an incident at this local hour (0–23) and ISO weekday passes the hour and weekday conditions. */
    public boolean acceptsTime(int hour, DayOfWeek weekday) {
        return (hours.isEmpty() || hours.contains(hour)) && (weekdays.isEmpty() || weekdays.contains(weekday));
    }

    /** A longitude/latitude rectangle (WGS 84 degrees). */
    public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
        public boolean contains(double lon, double lat) {
            return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
        }
    }
}
