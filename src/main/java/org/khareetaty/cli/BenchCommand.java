package org.khareetaty.cli;

import picocli.CommandLine.Command;

/** Benchmarks that produce the figures in docs/benchmarks.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure performance figures",
        subcommands = {BenchSyncCommand.class, BenchImportCommand.class, BenchHotspotsCommand.class,
            BenchReportCommand.class, BenchChartsCommand.class})
final class BenchCommand {
}
