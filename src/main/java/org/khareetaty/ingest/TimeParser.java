package org.khareetaty.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Locale;

/**
 * Turns source date/time text into a UTC instant. Handles {@code 2019-06-24 04:00:00+00}, ISO 8601 with
 * or without offset, {@code 1/1/2010 [13:45[:00]]}, a date and a time in two columns, or a given pattern.
 * Local times (no offset) are placed in the source zone; when a DST change makes them ambiguous or
 * nonexistent the result says so instead of guessing silently. One instance per thread.
 */
final class TimeParser {

    /** Why a local time needed a decision. */
    enum Flag { AMBIGUOUS, NONEXISTENT }

    /** The parsed instant (epoch seconds) and a flag when the local time was not unique. */
    static final class Result {
        long epochSecond;
        Flag flag;
    }

    private final ZoneId zone;
    private final ZoneRules rules;
    private final DateTimeFormatter pattern;
    private final boolean patternHasZone;

    TimeParser(ZoneId zone, String pattern) {
        this.zone = zone;
        this.rules = zone.getRules();
        this.pattern = pattern == null || pattern.isBlank() ? null : DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        this.patternHasZone = pattern != null && (pattern.contains("X") || pattern.contains("x")
                || pattern.contains("Z") || pattern.contains("O") || pattern.contains("VV"));
    }

    /** Parses one column holding date and time; false when it cannot be read. */
    boolean parse(String text, Result out) {
        out.flag = null;
        String s = text.strip();
        if (s.isEmpty()) {
            return false;
        }
        if (pattern != null) {
            return parseWithPattern(s, out);
        }
        // Characters outside Latin-1 become '?', which no ISO-like form accepts.
        return parseIsoLike(s.getBytes(StandardCharsets.ISO_8859_1), 0, s.length(), out) || parseSlashed(s, out);
    }

    /**
     * The same as {@link #parse(String, Result)} for a field given as bytes of an ASCII-compatible character
     * set: the ISO-like forms (such as {@code 2019-06-24 04:00:00+00}) are read straight from the bytes, with
     * no String, formatter or date object; anything else goes through the String path.
     */
    boolean parse(byte[] text, int from, int to, Charset charset, Result out) {
        out.flag = null;
        if (pattern == null) {
            int start = from;
            int end = to;
            while (start < end && AsciiText.isWhitespace(text[start])) {
                start++;
            }
            while (end > start && AsciiText.isWhitespace(text[end - 1])) {
                end--;
            }
            if (start < end && text[start] >= 0 && text[end - 1] >= 0 && parseIsoLike(text, start, end, out)) {
                return true;
            }
        }
        return parse(new String(text, from, to - from, charset), out);
    }

    /** Parses a date column and a separate time column (the time may be empty: midnight). */
    boolean parse(String dateText, String timeText, Result out) {
        String time = timeText == null ? "" : timeText.strip();
        String date = dateText.strip();
        if (time.isEmpty()) {
            return parse(date, out);
        }
        if (time.length() <= 2 && time.chars().allMatch(Character::isDigit)) {
            time = time + ":00";  // an hour alone, as some exports give it
        }
        return parse(date + (pattern == null ? " " : " ") + time, out);
    }

    private boolean parseWithPattern(String s, Result out) {
        try {
            TemporalAccessor parsed = pattern.parse(s);
            if (patternHasZone) {
                out.epochSecond = Instant.from(parsed).getEpochSecond();
                return true;
            }
            LocalDateTime local = parsed.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)
                    ? LocalDateTime.from(parsed) : LocalDate.from(parsed).atStartOfDay();
            resolveLocal(local, out);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** yyyy-MM-dd or yyyy/MM/dd, optional [T ]HH:mm[:ss[.fraction]], optional Z or ±HH[[:]mm]. */
    private boolean parseIsoLike(byte[] s, int from, int n, Result out) {
        if (n - from < 10 || !digits(s, n, from, 4) || (s[from + 4] != '-' && s[from + 4] != '/')) {
            return false;
        }
        byte sep = s[from + 4];
        int i = from + 5;
        int monthEnd = scanDigits(s, n, i);
        if (monthEnd == i || monthEnd - i > 2 || monthEnd >= n || s[monthEnd] != sep) {
            return false;
        }
        int month = number(s, i, monthEnd);
        i = monthEnd + 1;
        int dayEnd = scanDigits(s, n, i);
        if (dayEnd == i || dayEnd - i > 2) {
            return false;
        }
        int day = number(s, i, dayEnd);
        int year = number(s, from, from + 4);
        i = dayEnd;
        int hour = 0;
        int minute = 0;
        int second = 0;
        if (i < n && (s[i] == 'T' || s[i] == ' ')) {
            i++;
            int hourEnd = scanDigits(s, n, i);
            if (hourEnd - i < 1 || hourEnd - i > 2 || hourEnd >= n || s[hourEnd] != ':') {
                return false;
            }
            hour = number(s, i, hourEnd);
            i = hourEnd + 1;
            if (!digits(s, n, i, 2)) {
                return false;
            }
            minute = number(s, i, i + 2);
            i += 2;
            if (i < n && s[i] == ':') {
                if (!digits(s, n, i + 1, 2)) {
                    return false;
                }
                second = number(s, i + 1, i + 3);
                i += 3;
                if (i < n && (s[i] == '.' || s[i] == ',')) {
                    i = scanDigits(s, n, i + 1);
                }
            }
        }
        while (i < n && s[i] == ' ') {
            i++;
        }
        int offsetSeconds;
        boolean hasOffset;
        if (i == n) {
            hasOffset = false;
            offsetSeconds = 0;
        } else {
            byte c = s[i];
            if (c == 'Z' || c == 'z') {
                if (i + 1 != n) {
                    return false;
                }
                offsetSeconds = 0;
            } else if (c == '+' || c == '-') {
                int start = i + 1;
                if (!digits(s, n, start, 2)) {
                    return false;
                }
                int oh = number(s, start, start + 2);
                int j = start + 2;
                int om = 0;
                if (j < n && s[j] == ':') {
                    j++;
                }
                if (j < n) {
                    if (!digits(s, n, j, 2) || j + 2 != n) {
                        return false;
                    }
                    om = number(s, j, j + 2);
                }
                offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            } else {
                return false;
            }
            hasOffset = true;
        }
        if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            return false;
        }
        if (day > lengthOfMonth(year, month)) {
            return false;  // e.g. 31 February
        }
        if (hasOffset) {
            out.epochSecond = epochDay(year, month, day) * 86400 + hour * 3600L + minute * 60L + Math.min(second, 59)
                    - offsetSeconds;
        } else {
            resolveLocal(LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59)), out);
        }
        return true;
    }

    private static final DateTimeFormatter[] SLASHED = {
        DateTimeFormatter.ofPattern("M/d/uuuu H:mm[:ss][ a]", Locale.ROOT),
        DateTimeFormatter.ofPattern("M/d/uuuu h:mm[:ss] a", Locale.ROOT),
        DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT),
    };

    /** US-style month/day/year with optional time, as in {@code 1/1/2010} or {@code 6/24/2019 4:00 PM}. */
    private boolean parseSlashed(String s, Result out) {
        if (s.indexOf('/') < 0) {
            return false;
        }
        String upper = s.toUpperCase(Locale.ROOT);
        for (DateTimeFormatter formatter : SLASHED) {
            try {
                TemporalAccessor parsed = formatter.parse(upper);
                LocalDate date = LocalDate.from(parsed);
                LocalTime time = parsed.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)
                        ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
                resolveLocal(LocalDateTime.of(date, time), out);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

    /** Places a local time in the source zone; flags times a DST change makes ambiguous or nonexistent. */
    void resolveLocal(LocalDateTime local, Result out) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            out.epochSecond = local.toEpochSecond(offsets.get(0));
            return;
        }
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (offsets.isEmpty()) {
            // In the gap: the clock never showed this time. Read it with the offset before the change.
            out.flag = Flag.NONEXISTENT;
            out.epochSecond = local.toEpochSecond(transition.getOffsetBefore());
        } else {
            // In the overlap: the clock showed it twice. Take the first, and say so.
            out.flag = Flag.AMBIGUOUS;
            out.epochSecond = local.toEpochSecond(transition.getOffsetBefore());
        }
    }

    ZoneId zone() {
        return zone;
    }

    private static boolean digits(byte[] s, int n, int from, int count) {
        if (from + count > n) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
        }
        return true;
    }

    private static int scanDigits(byte[] s, int n, int from) {
        int i = from;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            i++;
        }
        return i;
    }

    private static int number(byte[] s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s[i] - '0');
        }
        return value;
    }

    static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date (the arithmetic of {@link LocalDate#toEpochDay()}). */
    static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y;
        if (y >= 0) {
            total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        } else {
            total -= y / -4 - y / -100 + y / -400;
        }
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
                total--;
            }
        }
        return total - 719528;  // days from year 0 to 1970
    }
}
