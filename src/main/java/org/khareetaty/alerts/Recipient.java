package org.khareetaty.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Who hears about an alert: a role (as the origin system routed, e.g. ANALYST or ADMINISTRATOR), a channel
 * and a number. {@code minSeverity} lets administrators hear only about the serious ones; {@code areas}
 * (area codes) routes by area, empty meaning every area.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Recipient(String role, Channel channel, String to, Severity minSeverity, List<String> areas) {

    public Recipient {
        areas = areas == null ? List.of() : List.copyOf(areas);
    }

    /** Whether this recipient should hear about an alert of this severity in this area (code may be null). */
    public boolean wants(Severity severity, String areaCode) {
        boolean severe = minSeverity == null || severity.atLeast(minSeverity);
        boolean inArea = areas.isEmpty() || (areaCode != null && areas.contains(areaCode));
        return severe && inArea;
    }
}
