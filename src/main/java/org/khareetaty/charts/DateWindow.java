package org.khareetaty.charts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An inclusive range of local dates: the period a chart shows, and the periods it is compared with. */
public record DateWindow(LocalDate from, LocalDate to) {

    public DateWindow {
        if (from == null || to == null) {
            throw new IllegalArgumentException("A date window needs both ends");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("The window ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** The {@code months} months that end on {@code end}, e.g. 2024-12-01 … 2025-11-30 for 12 months to 2025-11-30. */
    public static DateWindow monthsEndingOn(LocalDate end, int months) {
        return new DateWindow(end.minusMonths(months).plusDays(1), end);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** The window of the same length that ends the day before this one starts. */
    public DateWindow previous() {
        return new DateWindow(from.minusDays(days()), from.minusDays(1));
    }

    /** The same calendar dates one year earlier (29 February maps to 28 February). */
    public DateWindow yearEarlier() {
        return new DateWindow(from.minusYears(1), to.minusYears(1));
    }

    @Override
    public String toString() {
        return from + " – " + to;
    }
}
