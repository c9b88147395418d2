package org.khareetaty.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.common.TaskContext;
import org.khareetaty.security.Permission;
import org.khareetaty.sync.ServerConfig;
import org.khareetaty.sync.SyncBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code khareetaty bench sync}: initial push throughput and incremental sync time. */
@Command(name = "sync", mixinStandardHelpOptions = true, description = {
    "Initial push of all incidents of the data folder to an EMPTY server database, then an incremental sync of "
            + "--changes incident edits. Use a data folder and a server database kept for benchmarks: the folder's "
            + "sync state is reset and incidents' addresses are edited."})
final class BenchSyncCommand extends SessionCommand {

    @Mixin
    ServerOptions server;

    @Option(names = "--changes", defaultValue = "1000", description = "Incident edits in the incremental sync (default 1000)")
    int changes;

    @Option(names = "--generate", paramLabel = "N", description = "First add N synthetic incidents (ten yearly batches) "
            + "when the folder has no real data")
    Integer generate;

    @Option(names = "--reset-server", description = "Empty the server's synced tables first (deletes ALL synced data there)")
    boolean resetServer;

    @Override
    protected int run(CliSession session) throws Exception {
        session.principal().require(Permission.SYNC);
        var services = session.services();
        ServerConfig config = server.resolve(services.sync());
        Map<String, Object> out = new LinkedHashMap<>();
        if (generate != null) {
            out.put("generation", SyncBenchmark.generate(services.database(), generate, TaskContext.NONE));
        }
        SyncBenchmark.Result result = new SyncBenchmark(services.database(), services.sync())
                .run(config, changes, resetServer, TaskContext.NONE);
        out.put("result", result);
        if (json) {
            session.printJson(out);
        } else {
            session.out().printf("Initial push: %,d incidents%s in %.1f s = %,.0f incidents/s%n", result.incidents(),
                    result.synthetic() ? " (synthetic)" : "", result.initialSeconds(), result.incidentsPerSecond());
            session.out().printf("  ms per step: %s%n", result.initialPhaseMillis());
            session.out().printf("Incremental sync of %,d changes: %.2f s%n", result.changes(),
                    result.incrementalSeconds());
            session.out().printf("  ms per step: %s%n", result.incrementalPhaseMillis());
            session.out().printf("Server content equals local content: %s%n",
                    result.serverHash().equals(result.localHash()));
        }
        return 0;
    }
}
