package org.khareetaty.common;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
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

    /** The conditions in a few words, for the audit log ("all incidents" when there are none). */
    public String summary() {
        List<String> parts = new java.util.ArrayList<>();
        if (from != null || to != null) {
            parts.add("dates " + (from == null ? "…" : from) + " to " + (to == null ? "…" : to));
        }
        if (!categories.isEmpty()) {
            parts.add(categories.size() + " categor" + (categories.size() == 1 ? "y" : "ies"));
        }
        if (!areas.isEmpty()) {
            parts.add(areas.size() + " area" + (areas.size() == 1 ? "" : "s"));
        }
        if (selection != null) {
            parts.add(selection.isLasso() ? "lasso selection" : "map box selection");
        }
        if (!hours.isEmpty() || !weekdays.isEmpty()) {
            parts.add("hours/weekdays limited");
        }
        return parts.isEmpty() ? "all incidents" : String.join(", ", parts);
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

    /**
     * A longitude/latitude rectangle (WGS 84 degrees), optionally narrowed to a lasso polygon drawn inside it
     * ({@code lasso} holds lon, lat, lon, lat, ...; empty for a plain rectangle).
     */
    public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat, List<Double> lasso) {

        public BoundingBox {
            lasso = lasso == null ? List.of() : List.copyOf(lasso);
            if (lasso.size() % 2 != 0 || (!lasso.isEmpty() && lasso.size() < 6)) {
                throw new IllegalArgumentException("A lasso needs at least three longitude/latitude pairs");
            }
        }

        public BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
            this(minLon, minLat, maxLon, maxLat, List.of());
        }

        /** The selection inside a polygon given as longitude/latitude pairs. */
        public static BoundingBox lasso(List<double[]> lonLat) {
            double minLon = Double.POSITIVE_INFINITY;
            double minLat = Double.POSITIVE_INFINITY;
            double maxLon = Double.NEGATIVE_INFINITY;
            double maxLat = Double.NEGATIVE_INFINITY;
            List<Double> flat = new java.util.ArrayList<>(lonLat.size() * 2);
            for (double[] point : lonLat) {
                minLon = Math.min(minLon, point[0]);
                maxLon = Math.max(maxLon, point[0]);
                minLat = Math.min(minLat, point[1]);
                maxLat = Math.max(maxLat, point[1]);
                flat.add(point[0]);
                flat.add(point[1]);
            }
            return new BoundingBox(minLon, minLat, maxLon, maxLat, flat);
        }

        public boolean isLasso() {
            return !lasso.isEmpty();
        }

        public boolean contains(double lon, double lat) {
            boolean inBox = lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
            return inBox && (lasso.isEmpty() || insideLasso(lon, lat));
        }

        /** Even-odd ray crossing over the lasso's edges. */
        private boolean insideLasso(double lon, double lat) {
            int n = lasso.size() / 2;
            boolean inside = false;
            for (int i = 0, j = n - 1; i < n; j = i++) {
                double xi = lasso.get(2 * i);
                double yi = lasso.get(2 * i + 1);
                double xj = lasso.get(2 * j);
                double yj = lasso.get(2 * j + 1);
                if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
            return inside;
        }

        /** The lasso as WKT in longitude/latitude order, closed; null for a plain rectangle. */
        public String lassoWkt() {
            if (lasso.isEmpty()) {
                return null;
            }
            StringBuilder wkt = new StringBuilder("POLYGON((");
            for (int i = 0; i < lasso.size(); i += 2) {
                wkt.append(lasso.get(i)).append(' ').append(lasso.get(i + 1)).append(", ");
            }
            return wkt.append(lasso.get(0)).append(' ').append(lasso.get(1)).append("))").toString();
        }
    }
}
