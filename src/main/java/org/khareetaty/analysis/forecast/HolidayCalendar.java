package org.khareetaty.analysis.forecast;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.chrono.HijrahChronology;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The holidays a count model treats as special days. Written as text, one rule per line, so an agency
 * can edit it in Settings:
 * <pre>
 * include us                      # a preset: us, kuwait or islamic
 * fixed 02-25 National Day        # month-day every year
 * fixed 12-24..12-26 Christmas    # a span of days
 * nth 11 4 THU Thanksgiving       # 4th Thursday of November (-1 = last)
 * hijri 10-01 3 Eid al-Fitr       # Hijri month-day and length in days (Umm al-Qura calendar)
 * hijri 09-01 month Ramadan       # ... or to the end of the Hijri month
 * </pre>
 * Hijri dates are converted with java.time's {@link HijrahChronology}; years outside its range have no
 * Hijri holidays rather than failing.
 */
public final class HolidayCalendar {

    /** One named holiday rule. */
    public sealed interface Rule permits Fixed, NthWeekday, Hijri {
        String name();

        /** The first day and length of each occurrence that starts in the given Gregorian year. */
        List<LocalDate> daysIn(int year);
    }

    /** A fixed month-day, possibly spanning several days. */
    public record Fixed(String name, MonthDay start, int days) implements Rule {
        @Override
        public List<LocalDate> daysIn(int year) {
            LocalDate first = start.atYear(year);
            List<LocalDate> out = new ArrayList<>(days);
            for (int d = 0; d < days; d++) {
                out.add(first.plusDays(d));
            }
            return out;
        }
    }

    /** The n-th (or last when n = -1) given weekday of a month. */
    public record NthWeekday(String name, int month, int n, DayOfWeek dayOfWeek) implements Rule {
        @Override
        public List<LocalDate> daysIn(int year) {
            LocalDate firstOfMonth = LocalDate.of(year, month, 1);
            LocalDate day = n < 0 ? firstOfMonth.with(TemporalAdjusters.lastInMonth(dayOfWeek))
                    : firstOfMonth.with(TemporalAdjusters.dayOfWeekInMonth(n, dayOfWeek));
            return List.of(day);
        }
    }

    /**
     * A Hijri month-day lasting some days (Eid al-Fitr 3, Eid al-Adha 4 ...); {@code days = 0} means to the end
     * of that Hijri month (Ramadan lasts 29 or 30 days).
     */
    public record Hijri(String name, int month, int day, int days) implements Rule {
        @Override
        public List<LocalDate> daysIn(int year) {
            List<LocalDate> out = new ArrayList<>();
            HijrahChronology chronology = HijrahChronology.INSTANCE;
            try {
                int firstHijriYear = chronology.date(LocalDate.of(year, 1, 1)).get(ChronoField.YEAR);
                for (int hijriYear = firstHijriYear; hijriYear <= firstHijriYear + 1; hijriYear++) {
                    HijrahDate hijri = HijrahDate.of(hijriYear, month, day);
                    LocalDate start = LocalDate.from(hijri);
                    int length = days > 0 ? days : hijri.lengthOfMonth() - day + 1;
                    if (start.getYear() == year) {
                        for (int d = 0; d < length; d++) {
                            out.add(start.plusDays(d));
                        }
                    }
                }
            } catch (DateTimeException outsideSupportedRange) {
                return List.of();
            }
            return out;
        }
    }

    private static final Map<String, String> PRESETS = Map.of(
            "us", String.join("\n",
                    "fixed 01-01 New Year's Day",
                    "nth 01 3 MON Martin Luther King Jr. Day",
                    "nth 02 3 MON Presidents' Day",
                    "nth 05 -1 MON Memorial Day",
                    "fixed 06-19 Juneteenth",
                    "fixed 07-04 Independence Day",
                    "nth 09 1 MON Labor Day",
                    "nth 10 2 MON Columbus Day",
                    "fixed 10-31 Halloween",
                    "fixed 11-11 Veterans Day",
                    "nth 11 4 THU Thanksgiving",
                    "nth 11 4 FRI Day after Thanksgiving",
                    "fixed 12-24 Christmas Eve",
                    "fixed 12-25 Christmas Day",
                    "fixed 12-31 New Year's Eve"),
            "islamic", String.join("\n",
                    "hijri 01-01 1 Islamic New Year",
                    "hijri 03-12 1 Prophet's Birthday",
                    "hijri 07-27 1 Isra and Mi'raj",
                    "hijri 09-01 month Ramadan",
                    "hijri 10-01 3 Eid al-Fitr",
                    "hijri 12-09 1 Arafat Day",
                    "hijri 12-10 4 Eid al-Adha"),
            "kuwait", String.join("\n",
                    "fixed 01-01 New Year's Day",
                    "fixed 02-25 National Day",
                    "fixed 02-26 Liberation Day",
                    "include islamic"));

    private final String text;
    private final List<Rule> rules;

    private HolidayCalendar(String text, List<Rule> rules) {
        this.text = text;
        this.rules = List.copyOf(rules);
    }

    /** Parses calendar text; a bad line is reported with its number and what was expected. */
    public static HolidayCalendar parse(String text) {
        List<Rule> rules = new ArrayList<>();
        parseInto(text, rules, 0);
        return new HolidayCalendar(text, rules);
    }

    /** The built-in calendar for an agency's time zone: US holidays in America/*, Kuwait's elsewhere. */
    public static HolidayCalendar forZone(ZoneId zone) {
        return parse(zone.getId().startsWith("America/") ? "include us" : "include kuwait");
    }

    public static List<String> presetNames() {
        return PRESETS.keySet().stream().sorted().toList();
    }

    private static void parseInto(String text, List<Rule> rules, int depth) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            try {
                parseLine(content, rules, depth);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Holiday calendar line " + (i + 1) + " ('" + content + "'): "
                        + e.getMessage(), e);
            }
        }
    }

    private static void parseLine(String content, List<Rule> rules, int depth) {
        String[] words = content.split("\\s+", 2);
        String keyword = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        switch (keyword) {
            case "include" -> {
                String preset = PRESETS.get(rest.toLowerCase(Locale.ROOT));
                if (preset == null || depth > 2) {
                    throw new IllegalArgumentException("unknown preset '" + rest + "', expected one of " + presetNames());
                }
                parseInto(preset, rules, depth + 1);
            }
            case "fixed" -> {
                String[] parts = rest.split("\\s+", 2);
                requireName(parts, "fixed MM-DD[..MM-DD] Name");
                String[] span = parts[0].split("\\.\\.");
                MonthDay start = MonthDay.parse("--" + span[0]);
                int days = 1;
                if (span.length == 2) {
                    MonthDay end = MonthDay.parse("--" + span[1]);
                    days = (int) (end.atYear(2001).toEpochDay() - start.atYear(2001).toEpochDay()) + 1;
                    if (days < 1 || days > 31) {
                        throw new IllegalArgumentException("a span must run forward and last at most 31 days");
                    }
                }
                rules.add(new Fixed(parts[1], start, days));
            }
            case "nth" -> {
                String[] parts = rest.split("\\s+", 4);
                if (parts.length < 4) {
                    throw new IllegalArgumentException("expected 'nth MONTH N WEEKDAY Name', e.g. 'nth 11 4 THU Thanksgiving'");
                }
                int month = Integer.parseInt(parts[0]);
                int n = Integer.parseInt(parts[1]);
                if (month < 1 || month > 12 || n == 0 || n < -1 || n > 5) {
                    throw new IllegalArgumentException("month must be 1-12 and N 1-5 or -1 (last)");
                }
                rules.add(new NthWeekday(parts[3], month, n, weekday(parts[2])));
            }
            case "hijri" -> {
                String[] parts = rest.split("\\s+", 3);
                if (parts.length < 3) {
                    throw new IllegalArgumentException("expected 'hijri MM-DD DAYS Name', e.g. 'hijri 10-01 3 Eid al-Fitr'");
                }
                String[] monthDay = parts[0].split("-");
                int month = Integer.parseInt(monthDay[0]);
                int day = Integer.parseInt(monthDay[1]);
                int days = "month".equalsIgnoreCase(parts[1]) ? 0 : Integer.parseInt(parts[1]);
                if (month < 1 || month > 12 || day < 1 || day > 30 || days < 0 || days > 31) {
                    throw new IllegalArgumentException("Hijri month must be 1-12, day 1-30, length 1-31 days or 'month'");
                }
                rules.add(new Hijri(parts[2], month, day, days));
            }
            default -> throw new IllegalArgumentException("unknown rule '" + words[0]
                    + "', expected include, fixed, nth or hijri");
        }
    }

    private static void requireName(String[] parts, String expected) {
        if (parts.length < 2 || parts[1].isBlank()) {
            throw new IllegalArgumentException("expected '" + expected + "'");
        }
    }

    private static DayOfWeek weekday(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(upper) && upper.length() >= 2) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown weekday '" + text + "'");
    }

    public String text() {
        return text;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Distinct holiday names in rule order (one model effect each). */
    public List<String> names() {
        return rules.stream().map(Rule::name).distinct().toList();
    }

    /**
     * For every day from {@code first} to {@code last} (inclusive), the index into {@link #names()} of the
     * holiday on that day, or -1. When two holidays fall on one day the shorter one wins (Eid over Ramadan),
     * then the earlier rule.
     */
    public int[] holidayIndex(LocalDate first, LocalDate last) {
        int length = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        int[] index = new int[Math.max(0, length)];
        java.util.Arrays.fill(index, -1);
        List<String> names = names();
        int[] spanOf = new int[Math.max(0, length)];
        for (int year = first.getYear() - 1; year <= last.getYear(); year++) {
            for (Rule rule : rules) {
                int nameIndex = names.indexOf(rule.name());
                List<LocalDate> days = rule.daysIn(year);
                for (LocalDate day : days) {
                    long offset = day.toEpochDay() - first.toEpochDay();
                    if (offset >= 0 && offset < length && (index[(int) offset] < 0 || days.size() < spanOf[(int) offset])) {
                        index[(int) offset] = nameIndex;
                        spanOf[(int) offset] = days.size();
                    }
                }
            }
        }
        return index;
    }

    /** Names of the holidays on each day of a range, for display. */
    public Map<LocalDate, String> holidaysBetween(LocalDate first, LocalDate last) {
        int[] index = holidayIndex(first, last);
        List<String> names = names();
        Map<LocalDate, String> out = new LinkedHashMap<>();
        for (int i = 0; i < index.length; i++) {
            if (index[i] >= 0) {
                out.put(first.plusDays(i), names.get(index[i]));
            }
        }
        return out;
    }
}
