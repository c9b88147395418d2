package org.khareetaty.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root of the command line. With no sub-command the same jar opens the desktop window
 * (decided in {@code org.khareetaty.app.Main}); every sub-command works headless.
 */
@Command(name = "khareetaty",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Khareetaty Workstation: offline crime analysis. Without a command, opens the window.",
        subcommands = {
            DoctorCommand.class,
            DbCommand.class,
            HotspotsCommand.class,
            AlertsCommand.class,
            ImportCommand.class,
            AreasCommand.class,
            BatchesCommand.class,
            IncidentsCommand.class,
            SamplesCommand.class,
            BenchCommand.class,
            UsersCommand.class,
            AuditCommand.class,
            BackupCommand.class,
            DataCommand.class,
            SettingsCommand.class,
            PipelineCommand.class,
            ForecastCommand.class,
            BacktestCommand.class,
            ReportCommand.class,
            ExportCommand.class,
            ChartCommand.class,
            SyncCommand.class,
            ServerCommand.class,
            DecryptCommand.class,
            DatabaseCommand.class,
            KeystoreCommand.class,
        })
public final class KhareetatyCommand {

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder (default: $KHAREETATY_HOME or the OS data folder)")
    Path dataDir;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Account to act as (default: $KHAREETATY_USER); the password comes from $KHAREETATY_PASSWORD or a prompt")
    String user;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Log debug details to the console and log file")
    boolean debug;

    @Option(names = "--map-benchmark", paramLabel = "FILE", description = "Open the window's map pane, pan and zoom it "
            + "along a fixed path, write the frame times to FILE and exit (docs/benchmarks.md)")
    Path mapBenchmark;

    /** Where the map benchmark writes its figures, or null when not benchmarking. */
    public Path mapBenchmark() {
        return mapBenchmark;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String user() {
        return user;
    }

    public boolean debug() {
        return debug;
    }
}
