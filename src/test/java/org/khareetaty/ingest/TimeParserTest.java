package org.khareetaty.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Source times become instants; DST gaps and overlaps are flagged, never silently guessed. */
class TimeParserTest {

    private final TimeParser newYork = new TimeParser(ZoneId.of("America/New_York"), null);
    private final TimeParser.Result result = new TimeParser.Result();

    private Instant parse(String text) {
        assertThat(newYork.parse(text, result)).as(text).isTrue();
        return Instant.ofEpochSecond(result.epochSecond);
    }

    @Test
    void readsTheCommonForms() {
        assertThat(parse("2019-06-24 04:00:00+00")).isEqualTo(Instant.parse("2019-06-24T04:00:00Z"));
        assertThat(parse("2019-06-24T06:00:00+02:00")).isEqualTo(Instant.parse("2019-06-24T04:00:00Z"));
        assertThat(parse("2019-06-24T04:00Z")).isEqualTo(Instant.parse("2019-06-24T04:00:00Z"));
        assertThat(parse("1/1/2010")).isEqualTo(Instant.parse("2010-01-01T05:00:00Z"));
        assertThat(parse("6/24/2019 4:00 PM")).isEqualTo(Instant.parse("2019-06-24T20:00:00Z"));
        assertThat(result.flag).isNull();
        assertThat(newYork.parse("2019-02-30 10:00:00", result)).isFalse();
        assertThat(newYork.parse("yesterday", result)).isFalse();
    }

    @Test
    void flagsNonexistentAndAmbiguousLocalTimes() {
        Instant gap = parse("2024-03-10 02:30:00");
        assertThat(result.flag).isEqualTo(TimeParser.Flag.NONEXISTENT);
        assertThat(gap).isEqualTo(Instant.parse("2024-03-10T07:30:00Z"));
        Instant overlap = parse("2024-11-03 01:30:00");
        assertThat(result.flag).isEqualTo(TimeParser.Flag.AMBIGUOUS);
        assertThat(overlap).isEqualTo(Instant.parse("2024-11-03T05:30:00Z"));
        parse("2024-11-03 03:30:00");
        assertThat(result.flag).isNull();
    }

    @Test
    void separateDateAndTimeColumns() {
        assertThat(newYork.parse("2024-01-05", "13:45", result)).isTrue();
        assertThat(Instant.ofEpochSecond(result.epochSecond)).isEqualTo(Instant.parse("2024-01-05T18:45:00Z"));
    }
}
