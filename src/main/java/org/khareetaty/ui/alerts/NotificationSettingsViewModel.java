package org.khareetaty.ui.alerts;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.khareetaty.alerts.AlertServices;
import org.khareetaty.alerts.AlertSettings;
import org.khareetaty.security.Principal;
import org.khareetaty.store.SettingsStore;
import org.khareetaty.ui.common.FxExecutor;

/**
 * Twilio account, senders and auth token. The token field is write-only: it is encrypted on save and never
 * read back into the form; leaving it empty keeps the stored token.
 */
public final class NotificationSettingsViewModel {

    private final SettingsStore settings;
    private final AlertServices alerts;
    private final Principal principal;
    private final FxExecutor executor;
    private final StringProperty accountSid = new SimpleStringProperty("");
    private final StringProperty smsFrom = new SimpleStringProperty("");
    private final StringProperty whatsappFrom = new SimpleStringProperty("");
    private final StringProperty authToken = new SimpleStringProperty("");
    private final StringProperty tokenState = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public NotificationSettingsViewModel(SettingsStore settings, AlertServices alerts, Principal principal,
            FxExecutor executor) {
        this.settings = settings;
        this.alerts = alerts;
        this.principal = principal;
        this.executor = executor;
    }

    public StringProperty accountSidProperty() {
        return accountSid;
    }

    public StringProperty smsFromProperty() {
        return smsFrom;
    }

    public StringProperty whatsappFromProperty() {
        return whatsappFrom;
    }

    public StringProperty authTokenProperty() {
        return authToken;
    }

    public StringProperty tokenStateProperty() {
        return tokenState;
    }

    public StringProperty messageProperty() {
        return message;
    }

    private record Stored(String sid, String sms, String whatsapp, boolean token) {
    }

    public void load() {
        executor.run("Read notification settings", context -> new Stored(settings.get(AlertSettings.TWILIO_ACCOUNT_SID),
                settings.get(AlertSettings.TWILIO_SMS_FROM), settings.get(AlertSettings.TWILIO_WHATSAPP_FROM),
                !settings.get(AlertSettings.TWILIO_AUTH_TOKEN_ENCRYPTED).isBlank()), stored -> {
                    accountSid.set(stored.sid());
                    smsFrom.set(stored.sms());
                    whatsappFrom.set(stored.whatsapp());
                    tokenState.set(stored.token() ? "An auth token is stored (encrypted). Type a new one to replace it."
                            : "No auth token stored yet.");
                }, error -> message.set("Cannot read settings: " + error.getMessage()));
    }

    public void save() {
        String sid = accountSid.get().strip();
        String sms = smsFrom.get().strip();
        String whatsapp = whatsappFrom.get().strip();
        String token = authToken.get();
        executor.run("Save notification settings", context -> alerts.configureTwilio(principal, sid, sms, whatsapp, token),
                problems -> {
            authToken.set("");
            message.set(problems.isEmpty() ? "Saved. Notifications will be sent." : "Saved. " + String.join("; ", problems));
            load();
        }, error -> message.set("Not saved: " + error.getMessage()));
    }
}
