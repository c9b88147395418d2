package org.khareetaty.report;

import java.util.List;

/** What a weekly report covers: an ISO week, optionally some areas (empty = all), who signs it. */
public record WeeklyReportRequest(IsoWeek week, List<AreaRef> areas, String author, int topHotspots) {

    public static final int DEFAULT_TOP_HOTSPOTS = 5;

    public WeeklyReportRequest {
        areas = List.copyOf(areas);
        if (topHotspots < 1 || topHotspots > 20) {
            throw new IllegalArgumentException("Top hotspots must be from 1 to 20, not " + topHotspots);
        }
    }
}
