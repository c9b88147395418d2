package org.khareetaty.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.khareetaty.alerts.AlertSettings;
import org.khareetaty.analysis.forecast.ForecastSettings;
import org.khareetaty.common.settings.SettingKey;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.map.MapSettings;
import org.khareetaty.pipeline.HotspotStep;
import org.khareetaty.pipeline.PipelineSettings;
import org.khareetaty.security.BackupService;
import org.khareetaty.security.DataRetention;
import org.khareetaty.security.SecuritySettings;
import org.khareetaty.sync.SyncSettings;

/**
 * Every setting of the product in one list, for the {@code settings} command: each feature declares its own keys,
 * and this is the one place that knows them all. Credentials (keys ending in {@code .encrypted}) are listed but
 * changed only through their own commands and panes, which encrypt them.
 */
public final class SettingCatalog {

    private static final List<SettingKey<?>> ALL = build();

    private SettingCatalog() {
    }

    public static List<SettingKey<?>> all() {
        return ALL;
    }

    public static Optional<SettingKey<?>> find(String key) {
        return ALL.stream().filter(k -> k.key().equals(key)).findFirst();
    }

    public static boolean isCredential(SettingKey<?> key) {
        return key.key().endsWith(".encrypted");
    }

    private static List<SettingKey<?>> build() {
        List<SettingKey<?>> keys = new ArrayList<>(Settings.CORE_KEYS);
        keys.addAll(MapSettings.KEYS);
        keys.addAll(AlertSettings.KEYS);
        keys.addAll(SyncSettings.KEYS);
        keys.addAll(List.of(PipelineSettings.SCHEDULE_ENABLED, PipelineSettings.DAILY_AT, PipelineSettings.STAGING,
                PipelineSettings.ARCHIVE, PipelineSettings.REJECTED, PipelineSettings.PROFILE, PipelineSettings.FORECAST_BY,
                PipelineSettings.FORECAST_HORIZON, PipelineSettings.REPORT_DAY, PipelineSettings.BACKUP,
                PipelineSettings.RUN_LOGS_KEPT, HotspotStep.EPS_METRES, HotspotStep.MIN_POINTS, HotspotStep.WINDOW_DAYS));
        keys.addAll(List.of(SecuritySettings.LOCKOUT_ATTEMPTS, SecuritySettings.LOCKOUT_MINUTES,
                SecuritySettings.SESSION_IDLE_MINUTES, BackupService.KEEP, DataRetention.KEEP_YEARS));
        keys.addAll(List.of(ForecastSettings.HOLIDAYS, ForecastSettings.TRAINING_DAYS));
        return List.copyOf(keys);
    }
}
