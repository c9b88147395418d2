package org.khareetaty.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A nightly window (agency local time) in which notifications wait until it ends, unless the alert is at
 * least as severe as {@code except}. The window may cross midnight (22:00 to 06:00).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuietHours(LocalTime from, LocalTime to, Severity except) {

    /** When a notification of this severity raised at {@code now} may go: {@code now} or the end of the window. */
    public Instant releaseTime(Instant now, Severity severity, ZoneId zone) {
        if (from == null || to == null || from.equals(to) || (except != null && severity.atLeast(except))) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean crossesMidnight = from.isAfter(to);
        boolean quiet = crossesMidnight ? !time.isBefore(from) || time.isBefore(to)
                : !time.isBefore(from) && time.isBefore(to);
        if (!quiet) {
            return now;
        }
        ZonedDateTime end = local.with(to);
        if (!end.isAfter(local)) {
            end = end.plusDays(1);
        }
        return end.toInstant();
    }
}
