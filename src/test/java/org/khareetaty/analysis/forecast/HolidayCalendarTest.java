package org.khareetaty.analysis.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    @Test
    void usHolidaysFallOnTheirRuleDates() {
        Map<LocalDate, String> days = HolidayCalendar.parse("include us")
                .holidaysBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(days).containsEntry(LocalDate.of(2025, 11, 27), "Thanksgiving")
                .containsEntry(LocalDate.of(2025, 5, 26), "Memorial Day")
                .containsEntry(LocalDate.of(2025, 7, 4), "Independence Day")
                .containsEntry(LocalDate.of(2025, 1, 20), "Martin Luther King Jr. Day");
    }

    @Test
    void hijriHolidaysUseTheUmmAlQuraCalendar() {
        // Umm al-Qura dates: Ramadan 1446 began 2025-03-01 and had 29 days, Eid al-Fitr 2025-03-30,
        // Eid al-Adha 2025-06-06.
        Map<LocalDate, String> days = HolidayCalendar.forZone(ZoneId.of("Asia/Kuwait"))
                .holidaysBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        assertThat(days).containsEntry(LocalDate.of(2025, 3, 1), "Ramadan")
                .containsEntry(LocalDate.of(2025, 3, 29), "Ramadan")
                .containsEntry(LocalDate.of(2025, 3, 30), "Eid al-Fitr")
                .containsEntry(LocalDate.of(2025, 4, 1), "Eid al-Fitr")
                .doesNotContainKey(LocalDate.of(2025, 4, 2))
                .containsEntry(LocalDate.of(2025, 6, 6), "Eid al-Adha")
                .containsEntry(LocalDate.of(2025, 2, 25), "National Day");
    }

    @Test
    void badLinesAreReportedWithTheirNumber() {
        assertThatThrownBy(() -> HolidayCalendar.parse("fixed 01-01 New Year\nnth 13 1 MON Nothing"))
                .hasMessageContaining("line 2").hasMessageContaining("month must be 1-12");
        assertThatThrownBy(() -> HolidayCalendar.parse("include mars")).hasMessageContaining("unknown preset");
    }
}
