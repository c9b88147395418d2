package org.khareetaty.charts;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.khareetaty.common.IncidentFilter;

/** Says in words what a filter keeps, for chart subtitles and exported files: "Thefts · District 12 · Mon". */
final class FilterDescription {

    private static final int LISTED = 3;

    private FilterDescription() {
    }

    static String of(IncidentFilter filter, CategoryCatalog categories, List<AreaInfo> areas) {
        List<String> parts = new ArrayList<>();
        if (!filter.categories().isEmpty()) {
            parts.add(list(filter.categories().stream().map(code -> categories.info(code).label()).sorted().toList()));
        }
        if (!filter.areas().isEmpty()) {
            List<String> names = areas.stream().map(AreaInfo::name).sorted().collect(Collectors.toList());
            int unknown = filter.areas().size() - names.size();
            if (unknown > 0) {
                names.add(unknown + " unknown area" + (unknown == 1 ? "" : "s"));
            }
            parts.add(list(names));
        }
        if (!filter.weekdays().isEmpty()) {
            parts.add(filter.weekdays().stream().sorted().map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                    .collect(Collectors.joining(", ")));
        }
        if (!filter.hours().isEmpty()) {
            parts.add("hours " + filter.hours().stream().sorted().map(hour -> String.format("%02d", hour))
                    .collect(Collectors.joining(", ")));
        }
        if (filter.selection() != null) {
            parts.add("map selection");
        }
        return String.join(" · ", parts);
    }

    private static String list(List<String> names) {
        if (names.size() <= LISTED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, LISTED)) + " and " + (names.size() - LISTED) + " more";
    }
}
