package org.khareetaty.common.settings;

import java.time.ZoneId;
import java.util.List;

/** Reads and writes typed settings; the well-known keys of the core are declared here. */
public interface Settings {

    SettingKey<String> AGENCY_NAME = SettingKey.text("agency.name", "", 200);
    SettingKey<ZoneId> AGENCY_ZONE = SettingKey.zone("agency.timeZone", ZoneId.of("Asia/Kuwait"));
    SettingKey<Integer> TABLE_PAGE_SIZE = SettingKey.integer("ui.table.pageSize", 200, 20, 5000);

    List<SettingKey<?>> CORE_KEYS = List.of(AGENCY_NAME, AGENCY_ZONE, TABLE_PAGE_SIZE);

    <T> T get(SettingKey<T> key);

    <T> void set(SettingKey<T> key, T value);
}
