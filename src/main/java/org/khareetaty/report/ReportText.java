package org.khareetaty.report;

import java.awt.Color;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** How reports write numbers, changes and dates, in one place so every page says them the same way. */
public final class ReportText {

    static final Color UP = new Color(0xB7, 0x1C, 0x1C);
    static final Color DOWN = new Color(0x2E, 0x7D, 0x32);
    static final Color SAME = new Color(0x55, 0x55, 0x55);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private ReportText() {
    }

    public static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    /** "1 incident", "2,184 incidents". */
    public static String incidents(long value) {
        return count(value) + (value == 1 ? " incident" : " incidents");
    }

    public static String decimal(double value, int digits) {
        return String.format(Locale.ENGLISH, "%,." + digits + "f", value);
    }

    /** Signed difference and percentage, e.g. "+12 (+5.1%)", "−3 (−2.0%)", "+4 (new)". */
    public static String change(long now, long before) {
        long difference = now - before;
        String sign = difference > 0 ? "+" : difference < 0 ? "−" : "±";
        String absolute = sign + count(Math.abs(difference));
        if (before == 0) {
            return now == 0 ? "±0" : absolute + " (new)";
        }
        double percent = 100.0 * difference / before;
        String percentText = (percent > 0 ? "+" : percent < 0 ? "−" : "±") + decimal(Math.abs(percent), 1) + "%";
        return absolute + " (" + percentText + ")";
    }

    static Color changeColor(long now, long before) {
        return now > before ? UP : now < before ? DOWN : SAME;
    }

    public static String day(LocalDate date) {
        return DAY.format(date);
    }

    public static String weekRange(IsoWeek week) {
        return week + " (" + day(week.monday()) + " – " + day(week.sunday()) + ")";
    }

    public static String weekday(DayOfWeek day) {
        return day == null ? "—" : day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    /** "18:00–21:00" for a three-hour window starting at {@code hour}; "—" when unknown. */
    public static String threeHours(int hour) {
        return hour < 0 ? "—" : String.format(Locale.ENGLISH, "%02d:00–%02d:00", hour, (hour + 3) % 24);
    }
}
