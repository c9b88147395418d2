package org.khareetaty.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.khareetaty.alerts.AlertAction;
import org.khareetaty.alerts.AlertEvaluator;
import org.khareetaty.alerts.AlertQuery;
import org.khareetaty.alerts.AlertRow;
import org.khareetaty.alerts.AlertRule;
import org.khareetaty.alerts.AlertRuleRepository;
import org.khareetaty.alerts.AlertServices;
import org.khareetaty.alerts.AlertSettings;
import org.khareetaty.alerts.AlertStatus;
import org.khareetaty.alerts.OutboxSender;
import org.khareetaty.alerts.Severity;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.SettingsStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Alert rules, alerts and notifications from the command line (for schedulers and scripts). */
@Command(name = "alerts", mixinStandardHelpOptions = true, description = "Evaluate alert rules, send notifications, list alerts",
        subcommands = {AlertsCommand.Evaluate.class, AlertsCommand.Send.class, AlertsCommand.ListAlerts.class,
            AlertsCommand.Act.class, AlertsCommand.Rules.class, AlertsCommand.Twilio.class})
final class AlertsCommand {

    private AlertsCommand() {
    }

    /** Evaluates every enabled rule once and queues notifications for new alerts. */
    @Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate all enabled rules now")
    static final class Evaluate extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            AlertEvaluator.Report report = session.services().alerts().evaluator().evaluate(TaskContext.NONE);
            if (json) {
                session.printJson(report);
            } else {
                session.out().printf("%d rules evaluated, %d new alerts, %d notifications queued%n",
                        report.rulesEvaluated(), report.raised().size(), report.notificationsQueued());
                report.raised().forEach(r -> session.out().printf("  %-8s %s — %s%n", r.severity(), r.rule(), r.title()));
                report.errors().forEach(e -> session.out().println("  rule not evaluated: " + e));
            }
            return report.errors().isEmpty() ? 0 : 5;
        }
    }

    /** One pass through the outbox: sends what is due, then polls delivery status. */
    @Command(name = "send", mixinStandardHelpOptions = true, description = "Send due notifications and poll delivery status")
    static final class Send extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            AlertServices alerts = session.services().alerts();
            List<String> problems = alerts.configurationProblems();
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("; ", problems) + ". "
                        + alerts.sender().pendingCount() + " notifications are waiting in the outbox.");
            }
            OutboxSender.Report report = alerts.sender().sendDue(TaskContext.NONE);
            int deliveryChanges = alerts.sender().pollDelivery(TaskContext.NONE);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("send", report);
                out.put("deliveryStatusChanges", deliveryChanges);
                session.printJson(out);
            } else {
                session.out().printf("%d sent (%d found by lookup after an ambiguous attempt), %d failed, %d to retry, "
                        + "%d ambiguous, %d pending; %d delivery status changes%n", report.sent(), report.foundByLookup(),
                        report.failed(), report.retrying(), report.ambiguous(), report.pending(), deliveryChanges);
                if (report.problem() != null) {
                    session.out().println(report.problem());
                }
            }
            return report.offline() ? 6 : 0;
        }
    }

    /** Lists alerts, newest first. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List alerts, newest first")
    static final class ListAlerts extends SessionCommand {
        @Option(names = "--status", paramLabel = "S", split = ",",
                description = "Only these statuses: OPEN, ACKNOWLEDGED, ASSIGNED, RESOLVED")
        Set<AlertStatus> statuses;

        @Option(names = "--severity", paramLabel = "S", split = ",", description = "Only these severities: LOW, MEDIUM, HIGH, CRITICAL")
        Set<Severity> severities;

        @Option(names = "--limit", defaultValue = "200", description = "At most this many (default ${DEFAULT-VALUE})")
        int limit;

        @Override
        protected int run(CliSession session) {
            List<AlertRow> rows = session.services().alerts().alerts().list(
                    new AlertQuery(severities, statuses, null, null, limit));
            if (json) {
                session.printJson(rows);
            } else {
                for (AlertRow row : rows) {
                    session.out().printf("%s  %-8s %-12s %-24s %s%s%n", row.id(), row.severity(), row.status(),
                            truncate(row.rule(), 24), row.title(), row.notificationsFailed() > 0
                                    ? "  [" + row.notificationsFailed() + " notification(s) failed]" : "");
                }
                session.out().printf("%d alerts%n", rows.size());
            }
            return 0;
        }
    }

    /** Acknowledges, assigns, resolves, reopens or annotates an alert. */
    @Command(name = "act", mixinStandardHelpOptions = true, description = "Acknowledge, assign, resolve, reopen or note an alert")
    static final class Act extends SessionCommand {
        @Parameters(index = "0", paramLabel = "ALERT_ID")
        UUID alertId;

        @Parameters(index = "1", paramLabel = "ACTION", description = "ACKNOWLEDGE, ASSIGN, RESOLVE, REOPEN or NOTE")
        AlertAction action;

        @Option(names = "--note", description = "What was done (required to resolve)")
        String note;

        @Option(names = "--to", paramLabel = "USER", description = "Who the alert is assigned to (ASSIGN)")
        String assignee;

        @Override
        protected int run(CliSession session) {
            AlertRow row = session.services().alerts().alerts().act(session.principal(), alertId, action,
                    note, assignee);
            if (json) {
                session.printJson(row);
            } else {
                session.out().printf("%s is now %s%n", row.id(), row.status());
            }
            return 0;
        }
    }

    /** Rules: list, import and export as YAML. */
    @Command(name = "rules", mixinStandardHelpOptions = true, description = "List, import and export alert rules (YAML)",
            subcommands = {Rules.ListRules.class, Rules.Import.class, Rules.Export.class})
    static final class Rules {

        /** Lists the stored rules. */
        @Command(name = "list", mixinStandardHelpOptions = true, description = "List rules")
        static final class ListRules extends SessionCommand {
            @Override
            protected int run(CliSession session) {
                List<AlertRule> rules = session.services().alerts().rules().all();
                if (json) {
                    session.printJson(rules.stream().map(rule -> Map.of("id", rule.id(), "name", rule.name(),
                            "kind", rule.kind(), "enabled", rule.enabled())).toList());
                } else {
                    rules.forEach(rule -> session.out().printf("%-8s %-20s %s%n", rule.enabled() ? "enabled" : "disabled",
                            rule.kind(), rule.name()));
                }
                return 0;
            }
        }

        /** Imports rules from YAML; rules with the same name are replaced. */
        @Command(name = "import", mixinStandardHelpOptions = true,
                description = "Import rules from a YAML file; a rule with the same name is replaced")
        static final class Import extends SessionCommand {
            @Parameters(paramLabel = "FILE")
            Path file;

            @Override
            protected int run(CliSession session) throws Exception {
                String yaml = Files.readString(file, StandardCharsets.UTF_8);
                AlertRuleRepository.ImportResult result = session.services().alerts().rules().importYaml(session.principal(), yaml, file.toString());
                if (json) {
                    session.printJson(result);
                } else {
                    session.out().printf("%d rules added, %d replaced%n", result.created(), result.replaced());
                }
                return 0;
            }
        }

        /** Exports all rules as YAML to a file or stdout. */
        @Command(name = "export", mixinStandardHelpOptions = true, description = "Export all rules as YAML")
        static final class Export extends SessionCommand {
            @Parameters(paramLabel = "FILE", arity = "0..1", description = "Output file (default: stdout)")
            Path file;

            @Override
            protected int run(CliSession session) throws Exception {
                AlertRuleRepository rules = session.services().alerts().rules();
                if (file == null) {
                    session.out().print(rules.exportYaml(session.principal(), "standard output"));
                    session.out().flush();
                } else {
                    rules.exportTo(session.principal(), file);
                    session.out().println("Rules written to " + file);
                }
                return 0;
            }
        }
    }

    /** Twilio account, sender numbers and auth token (read from stdin, stored encrypted). */
    @Command(name = "twilio", mixinStandardHelpOptions = true,
            description = "Configure Twilio; the auth token is read from stdin and stored encrypted, never in settings")
    static final class Twilio extends SessionCommand {
        @Option(names = "--account-sid", description = "Account SID (AC…)")
        String accountSid;

        @Option(names = "--sms-from", description = "SMS sender: a number (+…) or a messaging service SID (MG…)")
        String smsFrom;

        @Option(names = "--whatsapp-from", description = "WhatsApp sender number (+…)")
        String whatsappFrom;

        @Option(names = "--token-stdin", description = "Read the auth token from the first line of stdin")
        boolean tokenFromStdin;

        @Override
        protected int run(CliSession session) throws Exception {
            SettingsStore settings = session.services().settings();
            String token = null;
            if (tokenFromStdin) {
                token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (token == null || token.isBlank()) {
                    throw new IllegalArgumentException("No auth token on stdin");
                }
            }
            List<String> problems = session.services().alerts().configureTwilio(session.principal(), accountSid, smsFrom,
                    whatsappFrom, token);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("accountSid", settings.get(AlertSettings.TWILIO_ACCOUNT_SID));
            out.put("smsFrom", settings.get(AlertSettings.TWILIO_SMS_FROM));
            out.put("whatsappFrom", settings.get(AlertSettings.TWILIO_WHATSAPP_FROM));
            out.put("authTokenStored", !settings.get(AlertSettings.TWILIO_AUTH_TOKEN_ENCRYPTED).isBlank());
            out.put("problems", problems);
            out.put("checkedAt", Instant.now());
            if (json) {
                session.printJson(out);
            } else {
                out.forEach((key, value) -> session.out().printf("  %-16s %s%n", key, value));
            }
            return problems.isEmpty() ? 0 : 7;
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
