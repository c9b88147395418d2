package org.khareetaty.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The import reads dates, coordinates and hex WKB straight from the file's bytes; each fast path must give
 * exactly what the general (String, java.time, Double.parseDouble) path gives, on random and edge input.
 */
class ByteFastPathsTest {

    private final Random random = new Random(20261122);

    @Test
    void decimalsEqualDoubleParseDouble() {
        List<String> texts = new ArrayList<>(List.of("-75.15328983", "40.03001302", "0", "-0.0", "+.5", "1.", ".", "-",
                "", " 12.5 ", "\t-3.25\r", "1e5", "NaN", "Infinity", "0x1p3", "1.5d", "12..5", "9007199254740991",
                "9007199254740992", "900719925474099.3", "0.0000000000000000000001", "0.00000000000000000000001",
                "123456789012345678901234", "٣", "1,5", "--1", "4.9E-324"));
        for (int i = 0; i < 100_000; i++) {
            texts.add(randomDecimal());
        }
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            double fast = AsciiText.parseDecimal(bytes, 0, bytes.length);
            Double general;
            try {
                general = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                general = null;
            }
            if (!Double.isNaN(fast)) {
                // Where the fast path answers, it is the general path's value to the bit.
                assertThat(general).as(text).isNotNull();
                assertThat(Double.doubleToRawLongBits(fast)).as(text).isEqualTo(Double.doubleToRawLongBits(general));
            }
        }
        // And it does answer for the forms real exports use.
        byte[] plain = "-75.15328983".getBytes(StandardCharsets.US_ASCII);
        assertThat(AsciiText.parseDecimal(plain, 0, plain.length)).isEqualTo(-75.15328983);
    }

    private String randomDecimal() {
        StringBuilder text = new StringBuilder();
        if (random.nextInt(3) == 0) {
            text.append(random.nextBoolean() ? '-' : '+');
        }
        int whole = random.nextInt(19);
        for (int i = 0; i < whole; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        if (random.nextInt(5) > 0) {
            text.append('.');
            int fraction = random.nextInt(26);
            for (int i = 0; i < fraction; i++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        return text.toString();
    }

    @Test
    void isoTimesFromBytesEqualJavaTime() {
        TimeParser parser = new TimeParser(ZoneId.of("America/New_York"), null);
        TimeParser.Result fast = new TimeParser.Result();
        TimeParser.Result general = new TimeParser.Result();
        DateTimeFormatter offsetForm = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ssx", Locale.ROOT);
        for (int i = 0; i < 30_000; i++) {
            int year = 1900 + random.nextInt(200);
            int month = 1 + random.nextInt(12);
            int day = 1 + random.nextInt(31);
            int hour = random.nextInt(24);
            int minute = random.nextInt(60);
            int second = random.nextInt(60);
            int offsetHours = random.nextInt(27) - 13;
            String text = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d%s%02d", year, month, day, hour, minute,
                    second, offsetHours < 0 ? "-" : "+", Math.abs(offsetHours));
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            boolean parsed = parser.parse(bytes, 0, bytes.length, StandardCharsets.US_ASCII, fast);
            boolean valid = day <= LocalDate.of(year, month, 1).lengthOfMonth();
            assertThat(parsed).as(text).isEqualTo(valid);
            if (valid) {
                // Independent oracle: java.time's own parser.
                long expected = OffsetDateTime.parse(text, offsetForm).toEpochSecond();
                assertThat(fast.epochSecond).as(text).isEqualTo(expected);
            }
            assertThat(parser.parse(text, general)).isEqualTo(parsed);
            if (parsed) {
                assertThat(fast.epochSecond).isEqualTo(general.epochSecond);
            }
        }
    }

    @Test
    void timeEdgeCasesGiveTheSameAnswerAsTheStringPath() {
        TimeParser parser = new TimeParser(ZoneId.of("America/New_York"), null);
        TimeParser.Result fast = new TimeParser.Result();
        TimeParser.Result general = new TimeParser.Result();
        for (String text : List.of("2019-06-24 04:00:00+00", " 2019-06-24 04:00:00+00 ", "2019-06-24T04:00Z", "2024-02-29 00:00:00+00",
                "2023-02-29 00:00:00+00", "2024-03-10 02:30:00", "2024-11-03 01:30:00", "2019/06/24 4:00", "1/1/2010",
                "6/24/2019 4:00 PM", "2019-06-24 04:00:00.123+05:30", "2019-06-24 24:00:00+00", "2019-13-01", "2019-06-24Z",
                "2019-06-24 04:00:60+00", "\u00a02019-06-24 04:00:00+00", "2019-06-24 04:00:00+00\u2003", "", "   ",
                "٢٠١٩-06-24", "2019-06-24 04:00:00 +0000", "0000-01-01 00:00:00+00", "9999-12-31 23:59:59-12")) {
            for (Charset charset : List.of(StandardCharsets.UTF_8, TextSniffer.WINDOWS_1256)) {
                byte[] bytes = text.getBytes(charset);
                boolean a = parser.parse(bytes, 0, bytes.length, charset, fast);
                boolean b = parser.parse(new String(bytes, charset), general);
                assertThat(a).as(text).isEqualTo(b);
                if (a) {
                    assertThat(fast.epochSecond).as(text).isEqualTo(general.epochSecond);
                    assertThat(fast.flag).as(text).isEqualTo(general.flag);
                }
            }
        }
    }

    @Test
    void epochDaysEqualLocalDate() {
        for (int year = -400; year <= 9999; year += random.nextInt(3) + 1) {
            for (int month = 1; month <= 12; month++) {
                assertThat(TimeParser.lengthOfMonth(year, month)).isEqualTo(LocalDate.of(year, month, 1).lengthOfMonth());
                int day = 1 + random.nextInt(TimeParser.lengthOfMonth(year, month));
                assertThat(TimeParser.epochDay(year, month, day)).isEqualTo(LocalDate.of(year, month, day).toEpochDay());
            }
        }
    }

    @Test
    void cachedZoneOffsetsEqualTheZoneRules() {
        for (String name : List.of("America/New_York", "Asia/Kuwait", "Europe/London", "Australia/Lord_Howe", "UTC",
                "America/Sao_Paulo", "Pacific/Apia")) {
            ZoneId zone = ZoneId.of(name);
            ZoneOffsetCache cache = new ZoneOffsetCache(zone.getRules());
            List<Long> instants = new ArrayList<>();
            for (int i = 0; i < 50_000; i++) {
                instants.add(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond()
                        + (long) (random.nextDouble() * 200 * 365.25 * 86400));
            }
            // Every transition and the seconds beside it.
            var transition = zone.getRules().nextTransition(Instant.parse("1900-01-01T00:00:00Z"));
            while (transition != null && transition.getInstant().isBefore(Instant.parse("2100-01-01T00:00:00Z"))) {
                long at = transition.toEpochSecond();
                instants.addAll(List.of(at - 1, at, at + 1));
                transition = zone.getRules().nextTransition(transition.getInstant());
            }
            for (long second : instants) {
                assertThat(cache.offsetSeconds(second)).as(name + " at " + second)
                        .isEqualTo(zone.getRules().getOffset(Instant.ofEpochSecond(second)).getTotalSeconds());
            }
        }
    }

    @Test
    void hexWkbFromBytesGivesTheEncodedCoordinates() {
        GeometryCodec codec = new GeometryCodec();
        GeometryCodec.Point point = new GeometryCodec.Point();
        for (int i = 0; i < 20_000; i++) {
            double lon = random.nextDouble() * 360 - 180;
            double lat = random.nextDouble() * 180 - 90;
            boolean little = random.nextBoolean();
            boolean srid = random.nextBoolean();
            ByteBuffer wkb = ByteBuffer.allocate(srid ? 25 : 21).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            wkb.put((byte) (little ? 1 : 0)).putInt(srid ? 0x20000001 : 1);
            if (srid) {
                wkb.putInt(4326);
            }
            wkb.putDouble(lon).putDouble(lat);
            String hex = random.nextBoolean() ? HexFormat.of().formatHex(wkb.array())
                    : HexFormat.of().withUpperCase().formatHex(wkb.array());
            byte[] bytes = (" " + hex + " ").getBytes(StandardCharsets.US_ASCII);
            assertThat(codec.decodeHexWkb(bytes, 1, bytes.length - 1, 4326, point)).isTrue();
            assertThat(point.lon).isEqualTo(lon);
            assertThat(point.lat).isEqualTo(lat);
            assertThat(codec.decodeHexWkb(hex, 4326, point)).isTrue();
            assertThat(point.lon).isEqualTo(lon);
        }
        byte[] notPoint = "0102000000".getBytes(StandardCharsets.US_ASCII);
        assertThat(codec.decodeHexWkb(notPoint, 0, notPoint.length, 4326, point)).isFalse();
    }

    @Test
    void csvInCharacterSetsThatCannotBeSplitOnBytesIsTranscoded() throws IOException {
        String arabic = "id,category,place\n1,\"سرقة, سيارة\",\"x\"\"y\"\r\n2,ضرب,z\n";
        // In Shift JIS both of these characters end in the byte 0x5C, an ASCII backslash.
        String japanese = "id,category,place\n1,\"表示, ソ\",\"x\"\"y\"\r\n2,ソ,z\n";
        for (Charset charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_8, TextSniffer.WINDOWS_1256,
                Charset.forName("Shift_JIS"))) {
            String text = charset.name().equals("Shift_JIS") ? japanese : arabic;
            List<List<String>> rows = new ArrayList<>();
            try (CsvRecordReader reader = CsvSource.open(new ByteArrayInputStream(text.getBytes(charset)), charset, ',',
                    1 << 20)) {
                while (reader.next()) {
                    List<String> fields = new ArrayList<>();
                    for (int i = 0; i < reader.record().fieldCount(); i++) {
                        fields.add(reader.record().field(i));
                    }
                    rows.add(fields);
                }
            }
            List<List<String>> expected = List.of(List.of("id", "category", "place"),
                    List.of("1", text.substring(text.indexOf('"') + 1, text.indexOf("\",")), "x\"y"),
                    List.of("2", text.substring(text.indexOf("2,") + 2, text.lastIndexOf(",z")), "z"));
            assertThat(rows).as(charset.name()).isEqualTo(expected);
        }
    }
}
