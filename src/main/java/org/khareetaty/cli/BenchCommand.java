package org.khareetaty.cli;

import picocli.CommandLine.Command;

/** Benchmarks of the figures the issues set, run on the data folder's real database. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the figures the issues set",
        subcommands = {BenchReportCommand.class})
final class BenchCommand {
}
