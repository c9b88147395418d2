package org.khareetaty.analysis.hotspot;

import java.util.List;
import java.util.UUID;

/**
 * What a hotspot is made of: its leading categories, when its incidents happen (local hour of day and
 * ISO day of week, 1 = Monday at index 0) and the areas it touches with the incidents in each.
 */
public record HotspotProfile(List<CategoryShare> categories, int[] hours, int[] weekdays, List<AreaShare> areas) {

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
    }

    public static HotspotProfile empty() {
        return new HotspotProfile(List.of(), new int[24], new int[7], List.of());
    }
}
