package org.khareetaty.analysis.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.store.IncidentSnapshot;

/** Builds {@link CountSeries} from the in-memory incidents in one pass (no SQL per series). */
public final class CountSeriesBuilder {

    /** The agency-wide series only. */
    public static final String AGENCY = "agency";

    private CountSeriesBuilder() {
    }

    /**
     * Daily counts from {@code from} to {@code to} for the whole agency plus (unless {@code byKind} is
     * {@link #AGENCY}) every area of kind {@code byKind} that had at least one incident in the last
     * {@code activeDays} days of the range. With a {@code categoryGroup}, only incidents whose category
     * belongs to it (per {@code groupOfCategory}) are counted.
     */
    public static CountSeries build(IncidentSnapshot snapshot, IncidentFilter filter, String byKind, String categoryGroup,
            Map<String, String> groupOfCategory, LocalDate from, LocalDate to, int activeDays) {
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        if (days <= 0) {
            throw new IllegalArgumentException("The date range ends (" + to + ") before it starts (" + from + ")");
        }
        IncidentSnapshot.AreaColumn areas = null;
        if (!AGENCY.equals(byKind)) {
            areas = snapshot.areas(byKind);
            if (areas == null) {
                throw new IllegalArgumentException("There are no areas of kind '" + byKind + "'; known kinds: "
                        + String.join(", ", snapshot.areaKinds().stream().sorted().toList()) + " (or 'agency')");
            }
        }
        boolean[] categoryInGroup = new boolean[snapshot.categories().size()];
        for (int c = 0; c < categoryInGroup.length; c++) {
            String code = snapshot.categories().get(c);
            categoryInGroup[c] = categoryGroup == null || categoryGroup.equals(groupOfCategory.get(code));
        }
        int areaCount = areas == null ? 0 : areas.areaIds().size();
        int[] agency = new int[days];
        int[][] byArea = new int[areaCount][days];
        int first = (int) from.toEpochDay();
        for (int row : snapshot.matching(filter.withDates(from, to))) {
            if (!categoryInGroup[snapshot.categoryIndex(row)]) {
                continue;
            }
            int day = snapshot.localEpochDay(row) - first;
            agency[day]++;
            if (areas != null) {
                int area = areas.areaIndex(row);
                if (area >= 0) {
                    byArea[area][day]++;
                }
            }
        }
        List<CountSeries.Series> series = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        series.add(new CountSeries.Series(CountSeries.key(null, categoryGroup), label("Whole agency", categoryGroup),
                AGENCY, null, categoryGroup));
        counts.add(agency);
        for (int a = 0; a < areaCount; a++) {
            if (active(byArea[a], activeDays)) {
                series.add(new CountSeries.Series(CountSeries.key(areas.areaIds().get(a), categoryGroup),
                        label(areas.areaNames().get(a), categoryGroup), byKind, areas.areaIds().get(a), categoryGroup));
                counts.add(byArea[a]);
            }
        }
        return new CountSeries(from, List.copyOf(series), counts.toArray(int[][]::new));
    }

    private static boolean active(int[] counts, int activeDays) {
        for (int d = Math.max(0, counts.length - activeDays); d < counts.length; d++) {
            if (counts[d] > 0) {
                return true;
            }
        }
        return false;
    }

    private static String label(String name, String categoryGroup) {
        return categoryGroup == null ? name : name + " — " + categoryGroup;
    }
}
