package org.khareetaty.analysis.hotspot;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a hotspot is made of: its leading categories, when its incidents happen (local hour of day, ISO day
 * of week with 1 = Monday at index 0, both together, and the first and last local day) and the areas it
 * touches with the incidents in each. Reports read it instead of looking up a million members again.
 * {@code weekdayHours}, {@code firstDay} and {@code lastDay} are null in runs stored before they were kept.
 */
public record HotspotProfile(List<CategoryShare> categories, int[] hours, int[] weekdays, int[][] weekdayHours,
        LocalDate firstDay, LocalDate lastDay, List<AreaShare> areas) {

    /** Incidents of one category within the hotspot. */
    public record CategoryShare(String category, long count, double share) {
    }

    /** Incidents of the hotspot lying in one area (a district, a tract…). */
    public record AreaShare(String kind, UUID areaId, String name, long count) {
    }

    public HotspotProfile {
        categories = List.copyOf(categories);
        areas = List.copyOf(areas);
        hours = hours.clone();
        weekdays = weekdays.clone();
        if (weekdayHours != null) {
            int[][] copy = new int[weekdayHours.length][];
            for (int d = 0; d < copy.length; d++) {
                copy[d] = weekdayHours[d].clone();
            }
            weekdayHours = copy;
        }
    }

    public static HotspotProfile empty() {
        return new HotspotProfile(List.of(), new int[24], new int[7], new int[7][24], null, null, List.of());
    }

    /** Whether the profile has the weekday-by-hour counts and the day range (runs stored by older versions lack them). */
    public boolean hasWhen() {
        return weekdayHours != null && firstDay != null && lastDay != null;
    }
}
