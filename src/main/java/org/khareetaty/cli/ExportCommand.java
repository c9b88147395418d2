package org.khareetaty.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.report.export.ExportFormat;
import org.khareetaty.security.FileProtection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** CSV and GeoJSON exports, safe to open in spreadsheets. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export data as CSV or GeoJSON",
        subcommands = {ExportCommand.Incidents.class, ExportCommand.Hotspots.class})
final class ExportCommand {

    /** Options shared by the export sub-commands. */
    abstract static class Base extends SessionCommand {
        @Option(names = "--format", required = true, paramLabel = "csv|geojson", description = "csv or geojson")
        String format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write")
        Path out;

        @Mixin
        EncryptOptions encryption;

        void report(CliSession session, String what, long rows, FileProtection protection) {
            Path written = protection.target(out);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("file", written.toAbsolutePath().toString());
                result.put("encrypted", protection.encrypted());
                result.put("format", ExportFormat.parse(format).toString());
                result.put(what, rows);
                session.printJson(result);
            } else {
                session.out().printf("Wrote %,d %s to %s%s%n", rows, what, written.toAbsolutePath(),
                        protection.encrypted() ? " (encrypted)" : "");
            }
        }
    }

    /** Incidents matching an optional filter. */
    @Command(name = "incidents", mixinStandardHelpOptions = true, description = "Export incidents (all, or filtered)")
    static final class Incidents extends Base {
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First local date")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last local date")
        LocalDate to;

        @Option(names = "--category", paramLabel = "CODE", description = "Category code (repeatable)")
        List<String> categories = new ArrayList<>();

        @Option(names = "--area", paramLabel = "AREA", description = "Area id, code, name or kind:code (repeatable)")
        List<String> areas = new ArrayList<>();

        @Override
        protected int run(CliSession session) {
            ExportFormat exportFormat = ExportFormat.parse(format);
            Set<UUID> areaIds = areas.stream().map(a -> session.services().reports().areas().resolve(a).id())
                    .collect(Collectors.toSet());
            IncidentFilter filter = new IncidentFilter(from, to, Set.copyOf(categories), areaIds, null);
            FileProtection protection = encryption.protection();
            long rows = session.services().exporter().exportIncidents(session.principal(), filter, exportFormat, out,
                    protection, TaskContext.NONE);
            report(session, "incidents", rows, protection);
            return 0;
        }
    }

    /** Hotspots of one analysis run. */
    @Command(name = "hotspots", mixinStandardHelpOptions = true,
            description = "Export the hotspots of the latest hotspot analysis (or of --run)")
    static final class Hotspots extends Base {
        @Option(names = "--run", paramLabel = "ID", description = "Analysis run id (default: latest with hotspots)")
        UUID run;

        @Override
        protected int run(CliSession session) {
            FileProtection protection = encryption.protection();
            long rows = session.services().exporter().exportHotspots(session.principal(), run, ExportFormat.parse(format),
                    out, protection, TaskContext.NONE);
            report(session, "hotspots", rows, protection);
            return 0;
        }
    }
}
