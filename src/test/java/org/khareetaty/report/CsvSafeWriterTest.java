package org.khareetaty.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.khareetaty.report.export.CsvSafeWriter;

class CsvSafeWriterTest {

    private static String write(String... cells) throws IOException {
        StringWriter out = new StringWriter();
        new CsvSafeWriter(out).row(cells);
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-1+1", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"click\")", "\t=1", "\r=1",
        "=cmd|' /C calc'!A0"})
    void formulaStartsAreNeutralisedAndTheRowStaysParseable(String hostile) throws IOException {
        String line = write("before", hostile, "after");
        List<List<String>> parsed = Rfc4180.parse(line);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.get(0)).containsExactly("before", "'" + hostile, "after");
    }

    @Test
    void quotingFollowsRfc4180() throws IOException {
        assertThat(write("a,b", "say \"hi\"", "line\nbreak", "plain")).isEqualTo(
                "\"a,b\",\"say \"\"hi\"\"\",\"line\nbreak\",plain\r\n");
        assertThat(Rfc4180.parse(write("a,b", "say \"hi\"", "line\nbreak"))).containsExactly(
                List.of("a,b", "say \"hi\"", "line\nbreak"));
    }

    @Test
    void numbersAreNotPrefixedSoNegativeCoordinatesStayNumbers() throws IOException {
        StringWriter out = new StringWriter();
        CsvSafeWriter csv = new CsvSafeWriter(out);
        csv.number(-75.1652).number(-3L).number((Double) null).text("-75.1652");
        csv.endRow();
        assertThat(out.toString()).isEqualTo("-75.1652,-3,,'-75.1652\r\n");
    }

    @Test
    void harmlessTextIsUnchanged() throws IOException {
        assertThat(write("Theft", "2100 BLOCK POINT BREEZE AV", "سرقة", "", "a=b")).isEqualTo(
                "Theft,2100 BLOCK POINT BREEZE AV,سرقة,,a=b\r\n");
    }

    /** A strict RFC 4180 reader for checking what we write (CRLF records, quoted fields). */
    static final class Rfc4180 {
        static List<List<String>> parse(String text) {
            List<List<String>> records = new java.util.ArrayList<>();
            List<String> record = new java.util.ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            boolean quoted = false;
            boolean fieldStart = true;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        quoted = false;
                        i++;
                        if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                            throw new IllegalStateException("Character after closing quote at " + i);
                        }
                        continue;
                    }
                    field.append(c);
                    i++;
                    continue;
                }
                if (c == '"' && fieldStart) {
                    quoted = true;
                    fieldStart = false;
                    i++;
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                    fieldStart = true;
                    i++;
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new java.util.ArrayList<>();
                    fieldStart = true;
                    i += 2;
                } else if (c == '"' || c == '\r' || c == '\n') {
                    throw new IllegalStateException("Unquoted special character at " + i);
                } else {
                    field.append(c);
                    fieldStart = false;
                    i++;
                }
            }
            if (quoted || !record.isEmpty() || field.length() > 0) {
                throw new IllegalStateException("Last record not terminated by CRLF");
            }
            return records;
        }
    }
}
