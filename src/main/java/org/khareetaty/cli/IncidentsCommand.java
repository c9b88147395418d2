package org.khareetaty.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.report.export.ExportFormat;
import org.khareetaty.security.FileProtection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Incident data: export a date range (the same exporter as {@code export incidents}). */
@Command(name = "incidents", mixinStandardHelpOptions = true, description = "Clean incidents",
        subcommands = IncidentsCommand.Export.class)
final class IncidentsCommand {

    /** Writes the incidents of a local-date range as CSV or GeoJSON. */
    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export incidents of a date range as CSV or GeoJSON")
    static final class Export extends SessionCommand {
        @Option(names = "--from", required = true, paramLabel = "DATE", description = "First local date (YYYY-MM-DD)")
        LocalDate from;

        @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last local date (YYYY-MM-DD)")
        LocalDate to;

        @Option(names = "--format", required = true, paramLabel = "csv|geojson")
        String format;

        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Mixin
        EncryptOptions encryption;

        @Override
        protected int run(CliSession session) {
            IncidentFilter filter = new IncidentFilter(from, to, Set.of(), Set.of(), null);
            FileProtection protection = encryption.protection();
            long rows = session.services().exporter().exportIncidents(session.principal(), filter,
                    ExportFormat.parse(format), out, protection, TaskContext.NONE);
            Path written = protection.target(out);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("file", written.toAbsolutePath().toString());
                result.put("encrypted", protection.encrypted());
                result.put("incidents", rows);
                session.printJson(result);
            } else {
                session.out().printf("Wrote %,d incidents to %s%n", rows, written.toAbsolutePath());
            }
            return 0;
        }
    }
}
