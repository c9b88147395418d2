package org.khareetaty.cli;

import org.khareetaty.common.TaskContext;
import org.khareetaty.ingest.ImportReport;
import org.khareetaty.ingest.samples.SampleService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The samples shipped with the application. */
@Command(name = "samples", mixinStandardHelpOptions = true, description = "Load a shipped sample data set",
        subcommands = SamplesCommand.Load.class)
final class SamplesCommand {

    /** Loads the Kuwait or the Philadelphia sample with its boundaries. */
    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "kuwait: synthetic Kuwait incidents and governorates; philadelphia: January 2024 and police districts")
    static final class Load extends SessionCommand {
        @Parameters(index = "0", paramLabel = "kuwait|philadelphia")
        String sample;

        @Override
        protected int run(CliSession session) {
            SampleService.Sample chosen = SampleService.Sample.parse(sample);
            ImportReport report = session.services().samples().load(session.principal(), chosen, TaskContext.NONE);
            ImportCommand.print(session, report, json);
            return 0;
        }
    }
}
