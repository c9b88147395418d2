package org.khareetaty.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.khareetaty.common.TaskContext;
import org.khareetaty.ingest.ImportReport;
import org.khareetaty.ingest.ImportService;
import org.khareetaty.ingest.MappingProfile;
import org.khareetaty.ingest.ProfileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Imports incident files (CSV/TSV, .gz, GeoJSON, Shapefile) as one batch. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import incident files as one batch: rows read, accepted, quarantined by reason, duplicates, located share")
final class ImportCommand extends SessionCommand {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV/TSV (optionally .gz), GeoJSON or Shapefile (.shp/.zip)")
    List<Path> files;

    @Option(names = "--profile", paramLabel = "NAME", description = "A saved or shipped mapping profile (philadelphia, origin-system, ...)")
    String profile;

    @Option(names = "--mapping", paramLabel = "FILE", description = "A mapping profile as JSON")
    Path mapping;

    @Override
    protected int run(CliSession session) {
        if (profile != null && mapping != null) {
            throw new IllegalArgumentException("Give --profile or --mapping, not both");
        }
        ImportService imports = session.services().imports();
        MappingProfile chosen = profile != null ? imports.profiles().get(profile)
                : mapping != null ? ProfileStore.readFile(mapping) : null;
        ImportReport report = imports.importFiles(session.principal(), files, chosen, TaskContext.NONE);
        print(session, report, json);
        return 0;
    }

    static void print(CliSession session, ImportReport report, boolean json) {
        if (json) {
            session.printJson(toJson(report));
            return;
        }
        PrintWriter out = session.out();
        out.printf("Batch %s %s (%s)%n", report.batchId(), report.status(), String.join(", ", report.files()));
        out.printf("  rows read     %,12d%n", report.rowsRead());
        out.printf("  accepted      %,12d%n", report.accepted());
        out.printf("  quarantined   %,12d%n", report.quarantined());
        report.quarantinedByReason().forEach((reason, count) -> out.printf("    %-22s %,10d%n", reason, count));
        out.printf("  duplicates    %,12d%n", report.duplicates());
        out.printf("  located       %,12d (%.1f%%)%n", report.located(), report.locatedShare() * 100);
        out.printf("  elapsed       %,12d ms (%,.0f rows/s)%n", report.elapsedMs(), report.rowsPerSecond());
        out.printf("  phases (ms)   %s%n", report.phasesMs());
        out.println((report.qualityWarning() ? "WARNING: " : "") + report.qualityMessage());
        out.flush();
    }

    static Map<String, Object> toJson(ImportReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("batchId", report.batchId());
        out.put("status", report.status());
        out.put("files", report.files());
        out.put("rowsRead", report.rowsRead());
        out.put("accepted", report.accepted());
        out.put("quarantined", report.quarantined());
        out.put("quarantinedByReason", report.quarantinedByReason());
        out.put("duplicates", report.duplicates());
        out.put("located", report.located());
        out.put("locatedShare", report.locatedShare());
        out.put("qualityWarning", report.qualityWarning());
        out.put("qualityMessage", report.qualityMessage());
        out.put("elapsedMs", report.elapsedMs());
        out.put("rowsPerSecond", Math.round(report.rowsPerSecond()));
        out.put("phasesMs", report.phasesMs());
        out.put("countsAddUp", report.countsAddUp());
        return out;
    }
}
