package org.khareetaty.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.sync.ServerConfig;
import org.khareetaty.sync.SyncService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The central PostgreSQL/PostGIS server used by the optional sync. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Central sync server",
        subcommands = {ServerCommand.Init.class, ServerCommand.Test.class})
final class ServerCommand {

    /** Creates or updates the server schema. */
    @Command(name = "init", mixinStandardHelpOptions = true, description = {
        "Create or update the sync schema on a PostgreSQL 15+ server with PostGIS 3.",
        "The user needs CREATE rights on the database; PostGIS must be installed (CREATE EXTENSION postgis, once, "
                + "by a user allowed to), everything else runs unprivileged."})
    static final class Init extends SessionCommand {
        @Mixin
        ServerOptions server;

        @Override
        protected int run(CliSession session) {
            session.principal().require(Permission.SYNC);
            SyncService sync = session.services().sync();
            ServerConfig config = server.resolve(sync);
            int applied = sync.initServer(config);
            session.services().audit().record(session.principal(), "SYNC_SERVER_INIT", config.url(),
                    AuditLog.Outcome.SUCCESS, applied + " migration(s) applied");
            String description = sync.testConnection(config);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("url", config.url());
                out.put("migrationsApplied", applied);
                out.put("server", description);
                session.printJson(out);
            } else {
                session.out().printf("Server schema at %s is ready (%d migration(s) applied).%n%s%n", config.url(),
                        applied, description);
            }
            return 0;
        }
    }

    /** Checks that the server can be reached with the settings (TLS, certificate, password). */
    @Command(name = "test", mixinStandardHelpOptions = true, description = "Test the connection to the sync server")
    static final class Test extends SessionCommand {
        @Mixin
        ServerOptions server;

        @Override
        protected int run(CliSession session) {
            session.principal().require(Permission.SYNC);
            SyncService sync = session.services().sync();
            ServerConfig config = server.resolve(sync);
            String description = sync.testConnection(config);
            if (json) {
                session.printJson(Map.of("url", config.url(), "ok", true, "server", description));
            } else {
                session.out().println("Connected to " + config.url() + ": " + description);
            }
            return 0;
        }
    }
}
