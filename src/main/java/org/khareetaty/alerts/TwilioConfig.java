package org.khareetaty.alerts;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.khareetaty.common.SecretStore;
import org.khareetaty.common.settings.Settings;

/**
 * What the Twilio gateway needs. The auth token is kept in settings only as AES-GCM ciphertext made by the
 * {@link SecretStore}; {@link #toString()} never shows it, so the config can be logged.
 */
public record TwilioConfig(String accountSid, String authToken, String smsFrom, String whatsappFrom, URI apiBase,
        Duration timeout) {

    /** Reads settings and the secret store; empty with {@code problems} filled when something is missing. */
    public static Optional<TwilioConfig> load(Settings settings, SecretStore secrets, List<String> problems) {
        String sid = settings.get(AlertSettings.TWILIO_ACCOUNT_SID).strip();
        String sms = settings.get(AlertSettings.TWILIO_SMS_FROM).strip();
        String whatsapp = settings.get(AlertSettings.TWILIO_WHATSAPP_FROM).strip();
        Optional<String> token;
        try {
            token = authToken(settings, secrets);
        } catch (SecretStore.LockedException locked) {
            problems.add(locked.getMessage());
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        if (!sid.startsWith("AC")) {
            missing.add("the Twilio account SID (AC…)");
        }
        if (token.isEmpty() || token.get().isBlank()) {
            missing.add("the Twilio auth token");
        }
        if (sms.isEmpty() && whatsapp.isEmpty()) {
            missing.add("a sender number for SMS or WhatsApp");
        }
        if (!missing.isEmpty()) {
            problems.add("Notifications are not configured: set " + String.join(", ", missing)
                    + " (Alerts ▸ Notification settings, or khareetaty alerts twilio)");
            return Optional.empty();
        }
        return Optional.of(new TwilioConfig(sid, token.get(), sms, whatsapp,
                URI.create(settings.get(AlertSettings.TWILIO_API_BASE)),
                Duration.ofMillis(settings.get(AlertSettings.TWILIO_TIMEOUT_MILLIS))));
    }

    public static Optional<String> authToken(Settings settings, SecretStore secrets) {
        String stored = settings.get(AlertSettings.TWILIO_AUTH_TOKEN_ENCRYPTED);
        return stored.isBlank() ? Optional.empty() : Optional.of(secrets.decrypt(stored));
    }

    @Override
    public String toString() {
        return "TwilioConfig[accountSid=" + accountSid + ", authToken=***, smsFrom=" + smsFrom + ", whatsappFrom="
                + whatsappFrom + ", apiBase=" + apiBase + ", timeout=" + timeout + "]";
    }
}
