package org.khareetaty.alerts;

import java.util.List;
import org.khareetaty.common.settings.SettingKey;

/** Settings of alerts and notifications. The Twilio auth token is stored only encrypted. */
public final class AlertSettings {

    public static final SettingKey<Integer> EVALUATE_EVERY_MINUTES = SettingKey.integer("alerts.evaluateEveryMinutes", 15, 1, 1440);
    public static final SettingKey<Integer> SEND_EVERY_SECONDS = SettingKey.integer("alerts.sendEverySeconds", 30, 5, 3600);
    public static final SettingKey<Integer> OUTBOX_MAX_AGE_HOURS = SettingKey.integer("alerts.outbox.maxAgeHours", 48, 1, 720);
    public static final SettingKey<String> TWILIO_ACCOUNT_SID = SettingKey.text("alerts.twilio.accountSid", "", 64);
    public static final SettingKey<String> TWILIO_SMS_FROM = SettingKey.text("alerts.twilio.smsFrom", "", 64);
    public static final SettingKey<String> TWILIO_WHATSAPP_FROM = SettingKey.text("alerts.twilio.whatsappFrom", "", 64);
    /** Only changed for tests and proxies; Twilio itself is https://api.twilio.com. */
    public static final SettingKey<String> TWILIO_API_BASE = SettingKey.text("alerts.twilio.apiBase", "https://api.twilio.com", 200);
    public static final SettingKey<Integer> TWILIO_TIMEOUT_MILLIS = SettingKey.integer("alerts.twilio.timeoutMillis", 30_000, 100, 300_000);

    /** AES-256-GCM ciphertext made by {@link org.khareetaty.common.SecretStore}, never the token itself. */
    public static final SettingKey<String> TWILIO_AUTH_TOKEN_ENCRYPTED = SettingKey.text("alerts.twilio.authToken.encrypted", "", 4000);

    public static final List<SettingKey<?>> KEYS = List.of(EVALUATE_EVERY_MINUTES, SEND_EVERY_SECONDS, OUTBOX_MAX_AGE_HOURS,
            TWILIO_ACCOUNT_SID, TWILIO_SMS_FROM, TWILIO_WHATSAPP_FROM, TWILIO_API_BASE, TWILIO_TIMEOUT_MILLIS, TWILIO_AUTH_TOKEN_ENCRYPTED);

    private AlertSettings() {
    }
}
