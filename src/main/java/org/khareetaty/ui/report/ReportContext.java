package org.khareetaty.ui.report;

import java.util.UUID;
import org.khareetaty.common.IncidentFilter;

/**
 * What a pane hands to "Export report…": the filter it shows (dates, categories, areas, map box) and,
 * from the hotspot or alert panes, the hotspot in focus. The dialog starts from it; the user can change it.
 */
public record ReportContext(String source, IncidentFilter filter, UUID hotspotId) {

    public ReportContext {
        filter = filter == null ? IncidentFilter.ALL : filter;
    }

    /** From a pane that shows the shared filter (map, charts, incidents, alerts). */
    public static ReportContext ofFilter(String source, IncidentFilter filter) {
        return new ReportContext(source, filter, null);
    }

    /** From the hotspot pane (or an alert about a hotspot): a bulletin for that hotspot is proposed. */
    public static ReportContext ofHotspot(String source, IncidentFilter filter, UUID hotspotId) {
        return new ReportContext(source, filter, hotspotId);
    }
}
