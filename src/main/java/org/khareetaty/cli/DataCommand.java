package org.khareetaty.cli;

import java.util.Map;
import org.khareetaty.common.settings.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Data retention. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Data retention", subcommands = DataCommand.Purge.class)
final class DataCommand {

    @Command(name = "purge", mixinStandardHelpOptions = true, description = "Delete incidents older than N years (audited)")
    static final class Purge extends SessionCommand {
        @Option(names = "--older-than-years", required = true, paramLabel = "N")
        int years;

        @Override
        protected int run(CliSession session) {
            long purged = session.services().retention().purgeOlderThan(session.principal(), years,
                    session.services().settings().get(Settings.AGENCY_ZONE));
            if (json) {
                session.printJson(Map.of("purged", purged));
            } else {
                session.out().printf("Purged %,d incidents older than %d years.%n", purged, years);
            }
            return 0;
        }
    }
}
