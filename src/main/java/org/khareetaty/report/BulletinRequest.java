package org.khareetaty.report;

import java.time.LocalDate;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;

/**
 * What a tactical bulletin covers: one hotspot, or a selection (the shared filter, e.g. a map box),
 * optionally narrowed to dates. The analyst's text replaces the generated summary when given.
 */
public record BulletinRequest(UUID hotspotId, IncidentFilter selection, LocalDate from, LocalDate to, String title,
        String analystText, String author) {

    public BulletinRequest {
        if ((hotspotId == null) == (selection == null)) {
            throw new IllegalArgumentException("A bulletin covers either one hotspot or a selection of incidents");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The bulletin period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public static BulletinRequest forHotspot(UUID hotspotId, String author) {
        return new BulletinRequest(hotspotId, null, null, null, null, null, author);
    }

    public static BulletinRequest forSelection(IncidentFilter selection, String author) {
        return new BulletinRequest(null, selection, null, null, null, null, author);
    }

    public BulletinRequest withDates(LocalDate newFrom, LocalDate newTo) {
        return new BulletinRequest(hotspotId, selection, newFrom, newTo, title, analystText, author);
    }

    public BulletinRequest withTitle(String newTitle) {
        return new BulletinRequest(hotspotId, selection, from, to, newTitle, analystText, author);
    }

    public BulletinRequest withText(String newText) {
        return new BulletinRequest(hotspotId, selection, from, to, title, newText, author);
    }
}
