package org.khareetaty.cli;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.khareetaty.charts.AreaInfo;
import org.khareetaty.charts.ChartCatalog;
import org.khareetaty.common.IncidentFilter;
import picocli.CommandLine.Option;

/** The shared incident filter as command-line options; mix into any command that filters incidents. */
public final class IncidentFilterOptions {

    @Option(names = "--from", paramLabel = "DATE", description = "First local date (yyyy-mm-dd)")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last local date (yyyy-mm-dd)")
    LocalDate to;

    @Option(names = "--category", paramLabel = "CODE", split = ",", description = "Category codes (repeat or comma-separate)")
    List<String> categories = new ArrayList<>();

    @Option(names = "--area", paramLabel = "AREA", split = ",",
            description = "Areas by code (e.g. a district number) or id (repeat or comma-separate)")
    List<String> areas = new ArrayList<>();

    @Option(names = "--hour", paramLabel = "H", split = ",", description = "Local hours of the day, 0-23")
    List<Integer> hours = new ArrayList<>();

    @Option(names = "--weekday", paramLabel = "DAY", split = ",", description = "Days of the week, e.g. MON,SAT")
    List<String> weekdays = new ArrayList<>();

    /** The filter these options describe; area codes are looked up in the catalog. */
    public IncidentFilter toFilter(ChartCatalog catalog) {
        Set<UUID> areaIds = new HashSet<>();
        for (String area : areas) {
            areaIds.add(resolveArea(area.strip(), catalog));
        }
        Set<DayOfWeek> days = new HashSet<>();
        for (String day : weekdays) {
            days.add(parseDay(day.strip()));
        }
        return new IncidentFilter(from, to, Set.copyOf(categories), areaIds, null, Set.copyOf(hours), days);
    }

    private static UUID resolveArea(String text, ChartCatalog catalog) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            List<AreaInfo> matches = new ArrayList<>();
            for (String kind : catalog.areaKinds().keySet()) {
                catalog.areas(kind).stream().filter(area -> area.code().equalsIgnoreCase(text)
                        || area.name().equalsIgnoreCase(text)).forEach(matches::add);
            }
            if (matches.isEmpty()) {
                throw new IllegalArgumentException("No area has the code or name '" + text + "'");
            }
            if (matches.size() > 1) {
                throw new IllegalArgumentException("'" + text + "' names " + matches.size()
                        + " areas of different kinds; give the area id instead");
            }
            return matches.get(0).id();
        }
    }

    private static DayOfWeek parseDay(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(upper) || day.name().startsWith(upper) && upper.length() >= 3) {
                return day;
            }
        }
        try {
            return DayOfWeek.of(Integer.parseInt(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a day of the week (MON … SUN or 1 … 7)");
        }
    }
}
