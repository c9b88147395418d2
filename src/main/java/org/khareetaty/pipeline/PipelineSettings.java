package org.khareetaty.pipeline;

import java.time.LocalTime;
import java.util.List;
import org.khareetaty.common.settings.SettingKey;

/** Settings of the daily pipeline; folders are relative to the data folder unless absolute. */
public final class PipelineSettings {

    public static final SettingKey<Boolean> SCHEDULE_ENABLED = SettingKey.bool("pipeline.schedule.enabled", false);
    public static final SettingKey<LocalTime> DAILY_AT = SettingKey.timeOfDay("pipeline.dailyAt", LocalTime.of(6, 0));
    public static final SettingKey<String> STAGING = SettingKey.text("pipeline.stagingFolder", "staging", 1000);
    public static final SettingKey<String> ARCHIVE = SettingKey.text("pipeline.archiveFolder", "staging/archive", 1000);
    public static final SettingKey<String> REJECTED = SettingKey.text("pipeline.rejectedFolder", "staging/rejected", 1000);
    public static final SettingKey<String> PROFILE = SettingKey.text("pipeline.importProfile", "", 200);
    public static final SettingKey<String> FORECAST_BY = SettingKey.text("pipeline.forecastBy", "district", 64);
    public static final SettingKey<Integer> FORECAST_HORIZON = SettingKey.integer("pipeline.forecastHorizonDays", 28, 1, 28);
    public static final SettingKey<String> REPORT_DAY = SettingKey.oneOf("pipeline.weeklyReportDay", "MONDAY",
            List.of("NONE", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
    public static final SettingKey<Boolean> BACKUP = SettingKey.bool("pipeline.backup", true);
    public static final SettingKey<Integer> RUN_LOGS_KEPT = SettingKey.integer("pipeline.runLogsKept", 365, 7, 10_000);

    private PipelineSettings() {
    }
}
