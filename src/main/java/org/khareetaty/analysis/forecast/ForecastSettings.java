package org.khareetaty.analysis.forecast;

import java.time.ZoneId;
import org.khareetaty.common.settings.SettingKey;
import org.khareetaty.common.settings.Settings;

/** Settings of forecasting, kept with the data folder. */
public final class ForecastSettings {

    /**
     * The holiday calendar as text (see {@link HolidayCalendar}); "auto" picks the built-in calendar of the
     * agency's time zone (US holidays for America/*, Kuwait's with Hijri dates otherwise).
     */
    public static final SettingKey<String> HOLIDAYS = SettingKey.text("forecast.holidays", "auto", 4000);

    /** Days of history each count forecast is fitted on. */
    public static final SettingKey<Integer> TRAINING_DAYS = SettingKey.integer("forecast.trainingDays", 730, 56, 3650);

    private ForecastSettings() {
    }

    /** The configured calendar; a bad calendar text fails with the line at fault. */
    public static HolidayCalendar calendar(Settings settings) {
        String text = settings.get(HOLIDAYS);
        ZoneId zone = settings.get(Settings.AGENCY_ZONE);
        try {
            return "auto".equalsIgnoreCase(text.strip()) ? HolidayCalendar.forZone(zone) : HolidayCalendar.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Setting " + HOLIDAYS.key() + ": " + e.getMessage(), e);
        }
    }
}
