package org.khareetaty.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.events.DataEvents;
import org.khareetaty.common.SecretStore;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.security.SettingChanges;
import org.khareetaty.store.Database;
import org.khareetaty.store.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts feature as the rest of the application sees it: rules, alerts, the evaluator and the sender,
 * evaluation after every import and analysis run (a {@link DataEvents} listener), and, while the desktop
 * runs, a timer that evaluates rules and works through the outbox on the shared background executor.
 */
public final class AlertServices implements DataEvents.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertServices.class);

    private final AlertRuleRepository rules;
    private final AlertRepository alerts;
    private final AlertEvaluator evaluator;
    private final OutboxSender sender;
    private final SettingsStore settings;
    private final SecretStore secrets;
    private final SettingChanges settingChanges;
    private final BackgroundTasks tasks;
    private final AtomicBoolean evaluating = new AtomicBoolean();
    private final AtomicBoolean sending = new AtomicBoolean();
    private ScheduledExecutorService timer;

    public AlertServices(Database database, SettingsStore settings, SecretStore secrets, SettingChanges settingChanges,
            AuditLog audit, BackgroundTasks tasks, DataEvents events, Clock clock) {
        this.settings = settings;
        this.secrets = secrets;
        this.settingChanges = settingChanges;
        this.tasks = tasks;
        this.rules = new AlertRuleRepository(database, audit);
        this.alerts = new AlertRepository(database, clock, audit);
        this.evaluator = new AlertEvaluator(database, rules, settings, clock);
        this.sender = new OutboxSender(database, this::gateway, Backoff.standard(), clock,
                () -> Duration.ofHours(settings.get(AlertSettings.OUTBOX_MAX_AGE_HOURS)));
        events.addListener(this);
    }

    public AlertRuleRepository rules() {
        return rules;
    }

    public AlertRepository alerts() {
        return alerts;
    }

    public AlertEvaluator evaluator() {
        return evaluator;
    }

    public OutboxSender sender() {
        return sender;
    }

    public SecretStore secrets() {
        return secrets;
    }

    /**
     * Saves the Twilio account, senders and (when given) a new auth token, stored only encrypted. An administrator's
     * setting (CHANGE_SETTINGS), audited once; returns what still keeps notifications from going out.
     */
    public List<String> configureTwilio(Principal actor, String accountSid, String smsFrom, String whatsappFrom,
            String authToken) {
        SettingChanges.Change change = settingChanges.change(actor, Permission.CHANGE_SETTINGS, "notifications (Twilio)");
        if (accountSid != null) {
            change.parse(AlertSettings.TWILIO_ACCOUNT_SID, accountSid.strip());
        }
        if (smsFrom != null) {
            change.parse(AlertSettings.TWILIO_SMS_FROM, smsFrom.strip());
        }
        if (whatsappFrom != null) {
            change.parse(AlertSettings.TWILIO_WHATSAPP_FROM, whatsappFrom.strip());
        }
        if (authToken != null && !authToken.isBlank()) {
            change.secret(AlertSettings.TWILIO_AUTH_TOKEN_ENCRYPTED, authToken);
        }
        change.save();
        return configurationProblems();
    }

    /** Problems that keep notifications from going out (empty when Twilio is configured). */
    public List<String> configurationProblems() {
        List<String> problems = new ArrayList<>();
        TwilioConfig.load(settings, secrets, problems);
        return problems;
    }

    private Optional<MessageGateway> gateway() {
        List<String> problems = new ArrayList<>();
        Optional<TwilioConfig> config = TwilioConfig.load(settings, secrets, problems);
        problems.forEach(problem -> LOG.debug("{}", problem));
        return config.map(TwilioGateway::new);
    }

    /** Called by the import service after a batch commits: evaluate now (we are on a background thread). */
    @Override
    public void importFinished(UUID batchId) {
        evaluateAfterChange("import " + batchId);
    }

    @Override
    public void analysisFinished(UUID runId, String kind) {
        evaluateAfterChange(kind + " run " + runId);
    }

    private void evaluateAfterChange(String what) {
        AlertEvaluator.Report report = evaluator.evaluate(TaskContext.NONE);
        LOG.info("Alert rules evaluated after {}: {} new alerts, {} notifications queued", what,
                report.raised().size(), report.notificationsQueued());
        if (timer != null && report.notificationsQueued() > 0) {
            sendInBackground();
        }
    }

    /** Starts the timer (desktop only): evaluate every few minutes, send and poll every few seconds. */
    public synchronized void startTimer() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "alerts-timer");
            thread.setDaemon(true);
            return thread;
        });
        // The timer thread only submits; the work itself runs on the shared background executor.
        timer.scheduleWithFixedDelay(this::evaluateInBackground, 10,
                settings.get(AlertSettings.EVALUATE_EVERY_MINUTES) * 60L, TimeUnit.SECONDS);
        timer.scheduleWithFixedDelay(this::sendInBackground, 5,
                settings.get(AlertSettings.SEND_EVERY_SECONDS), TimeUnit.SECONDS);
    }

    public void evaluateInBackground() {
        if (evaluating.compareAndSet(false, true)) {
            tasks.submit("Evaluate alert rules", context -> {
                try {
                    return evaluator.evaluate(context);
                } finally {
                    evaluating.set(false);
                }
            });
        }
    }

    public void sendInBackground() {
        if (sending.compareAndSet(false, true)) {
            tasks.submit("Send notifications", context -> {
                try {
                    OutboxSender.Report report = sender.sendDue(context);
                    sender.pollDelivery(context);
                    return report;
                } finally {
                    sending.set(false);
                }
            });
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
