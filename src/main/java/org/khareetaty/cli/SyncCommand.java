package org.khareetaty.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.common.TaskContext;
import org.khareetaty.security.Permission;
import org.khareetaty.sync.ServerConfig;
import org.khareetaty.sync.SyncConflict;
import org.khareetaty.sync.SyncReport;
import org.khareetaty.sync.SyncRun;
import org.khareetaty.sync.SyncService;
import org.khareetaty.sync.SyncStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code khareetaty sync}: push this workstation's changes and pull everyone else's. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Sync with the central server now (push local changes, pull the others'); exit 0 when done",
        subcommands = {SyncCommand.Status.class, SyncCommand.Configure.class})
final class SyncCommand extends SessionCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Override
    protected int run(CliSession session) {
        SyncReport report = session.services().sync().sync(session.principal(), TaskContext.NONE);
        if (json) {
            session.printJson(report);
        } else {
            session.out().printf("Synced in %.1f s: pushed %,d changes in %d batch(es)%s, pulled %,d changes.%n",
                    report.elapsedMillis() / 1000.0, report.pushedChanges(), report.pushBatches(),
                    report.replayedBatches() > 0 ? " (" + report.replayedBatches() + " already on the server)" : "",
                    report.pulledChanges());
            if (report.duplicatesMerged() > 0) {
                session.out().printf("%,d incident(s) were already on the server under another id (same source key): "
                        + "the server's copy is kept.%n", report.duplicatesMerged());
            }
            printConflicts(session, report.conflicts().size(), report.conflicts());
            session.out().printf("%,d change(s) still pending.%n", report.pendingAfter());
        }
        return 0;
    }

    static void printConflicts(CliSession session, long count, Iterable<SyncConflict> conflicts) {
        if (count == 0) {
            return;
        }
        session.out().printf("%,d conflict(s) resolved:%n", count);
        for (SyncConflict conflict : conflicts) {
            session.out().printf("  %s %s %s: kept '%s', discarded '%s' (%s)%n", conflict.entity(), conflict.entityId(),
                    conflict.field(), abbreviate(conflict.keptValue()), abbreviate(conflict.discardedValue()),
                    conflict.rule());
        }
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    /** Settings, checkpoints, queue and recent history. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Sync settings, last sync, pending "
            + "changes, conflicts and errors")
    static final class Status extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            session.principal().require(Permission.VIEW);
            SyncStatus status = session.services().sync().status();
            if (json) {
                session.printJson(status);
                return 0;
            }
            if (!status.configured()) {
                session.out().println("Sync is not set up (the workstation works fully without it). "
                        + "Set it up with: khareetaty sync configure --url ... --server-user ... --server-password");
            } else {
                session.out().printf("Server:          %s as %s (%s%s)%n", status.serverUrl(), status.username(),
                        status.tls(), status.caFile().isBlank() ? "" : ", CA " + status.caFile());
                session.out().printf("Automatic sync:  %s%n", status.enabled()
                        ? "every " + status.intervalMinutes() + " min" : "off");
            }
            session.out().printf("Workstation:     %s (%s)%n", status.workstationName(),
                    status.workstationId() == null ? "not registered yet" : status.workstationId());
            session.out().printf("Pending changes: %,d%s%n", status.pendingChanges(),
                    status.pushInFlight() ? " (a batch was interrupted; the next sync resumes it)" : "");
            session.out().printf("Last sync:       %s%n", describe(status.lastRun()));
            if (status.lastSuccess() != null && status.lastSuccess() != status.lastRun()) {
                session.out().printf("Last success:    %s%n", describe(status.lastSuccess()));
            }
            printConflicts(session, status.conflictsTotal(), status.recentConflicts().subList(0,
                    Math.min(10, status.recentConflicts().size())));
            status.recentRuns().stream().filter(r -> r.error() != null).limit(5).forEach(r ->
                    session.out().printf("Error at %s: %s%n", TIME.format(r.startedAt()), r.error()));
            return 0;
        }

        private static String describe(SyncRun run) {
            if (run == null) {
                return "never";
            }
            return TIME.format(run.startedAt()) + " " + run.outcome() + String.format(
                    " (pushed %,d, pulled %,d, conflicts %,d)", run.pushed(), run.pulled(), run.conflicts());
        }
    }

    /** Saves the server settings; the password is stored encrypted. */
    @Command(name = "configure", mixinStandardHelpOptions = true, description = "Set the sync server, credentials "
            + "and timer; tests the connection before saving")
    static final class Configure extends SessionCommand {
        @Mixin
        ServerOptions server;

        @Option(names = "--interval", paramLabel = "MINUTES", description = "Minutes between automatic syncs "
                + "(default: keep, initially 15)")
        Integer interval;

        @Option(names = "--enable", negatable = true, description = "Turn automatic sync on (--no-enable: off)")
        Boolean enable;

        @Option(names = "--name", paramLabel = "NAME", description = "This workstation's name on the server "
                + "(default: host name)")
        String name;

        @Option(names = "--skip-test", description = "Save without testing the connection")
        boolean skipTest;

        @Override
        protected int run(CliSession session) {
            session.principal().require(Permission.SYNC);
            SyncService sync = session.services().sync();
            ServerConfig config = server.resolve(sync);
            String description = skipTest ? "not tested" : sync.testConnection(config);
            sync.configure(session.principal(), config.url(), config.username(), server.password(), config.caFile(),
                    config.tls(),
                    interval != null ? interval : sync.intervalMinutes(), enable != null ? enable : sync.enabled(),
                    name != null ? name : sync.status().workstationName());
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("url", config.url());
                out.put("server", description);
                out.put("enabled", sync.enabled());
                out.put("intervalMinutes", sync.intervalMinutes());
                session.printJson(out);
            } else {
                session.out().println("Saved. Server: " + description);
            }
            return 0;
        }
    }
}
