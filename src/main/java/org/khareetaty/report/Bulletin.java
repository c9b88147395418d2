package org.khareetaty.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.khareetaty.store.IncidentRow;

/** A tactical bulletin's content, computed before layout; {@code text} is what the analyst approved. */
public record Bulletin(
        String agency,
        String title,
        String scope,
        String author,
        Instant generatedAt,
        ZoneId zone,
        Hotspot hotspot,
        HotspotRun run,
        IncidentProfile profile,
        List<IncidentRow> recent,
        WeeklyReport.MapLayers map,
        String text,
        String appVersion) {

    /** Most recent incidents listed in the bulletin; the pattern covers all of them. */
    public static final int LISTED = 60;

    public Bulletin withText(String newText) {
        return new Bulletin(agency, title, scope, author, generatedAt, zone, hotspot, run, profile, recent, map, newText,
                appVersion);
    }
}
