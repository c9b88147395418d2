package org.khareetaty.sync;

import java.util.List;
import org.khareetaty.common.settings.SettingKey;

/** Settings of the optional central-server sync. The password is stored only encrypted. */
public final class SyncSettings {

    public static final SettingKey<Boolean> ENABLED = SettingKey.bool("sync.enabled", false);
    public static final SettingKey<String> SERVER_URL = SettingKey.text("sync.serverUrl", "", 1000);
    public static final SettingKey<String> USERNAME = SettingKey.text("sync.username", "", 200);
    /** AES-256-GCM ciphertext made by {@link org.khareetaty.common.SecretStore}, never the password itself. */
    public static final SettingKey<String> PASSWORD_ENCRYPTED = SettingKey.text("sync.password.encrypted", "", 4000);
    public static final SettingKey<String> CA_FILE = SettingKey.text("sync.caFile", "", 1000);
    public static final SettingKey<String> TLS = SettingKey.oneOf("sync.tls", ServerConfig.TlsMode.VERIFY_FULL.name(),
            List.of(ServerConfig.TlsMode.VERIFY_FULL.name(), ServerConfig.TlsMode.DISABLED_LOOPBACK_ONLY.name()));
    public static final SettingKey<Integer> INTERVAL_MINUTES = SettingKey.integer("sync.intervalMinutes", 15, 1, 1440);
    public static final SettingKey<String> WORKSTATION_NAME = SettingKey.text("sync.workstationName", "", 200);

    public static final List<SettingKey<?>> KEYS = List.of(ENABLED, SERVER_URL, USERNAME, PASSWORD_ENCRYPTED, CA_FILE,
            TLS, INTERVAL_MINUTES, WORKSTATION_NAME);

    private SyncSettings() {
    }
}
