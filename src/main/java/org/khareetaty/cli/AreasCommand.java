package org.khareetaty.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.common.TaskContext;
import org.khareetaty.ingest.AreaService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Boundary layers: import and list. */
@Command(name = "areas", mixinStandardHelpOptions = true, description = "Boundary layers (districts, governorates, tracts)",
        subcommands = {AreasCommand.Import.class, AreasCommand.ListAreas.class})
final class AreasCommand {

    /** Imports polygons of one kind and assigns incidents to them. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a GeoJSON or Shapefile boundary layer and assign incidents to its areas")
    static final class Import extends SessionCommand {
        @Parameters(index = "0", paramLabel = "FILE")
        Path file;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "e.g. district, governorate, tract")
        String kind;

        @Option(names = "--name-field", required = true, paramLabel = "FIELD", description = "The attribute naming each area")
        String nameField;

        @Override
        protected int run(CliSession session) {
            AreaService.AreaImport result = session.services().imports().importAreas(session.principal(), file, kind, nameField, TaskContext.NONE);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("kind", result.kind());
                out.put("areas", result.areas());
                out.put("skipped", result.skipped());
                out.put("incidentsAssigned", result.incidentsAssigned());
                out.put("elapsedMs", result.elapsedMs());
                out.put("warnings", result.warnings());
                session.printJson(out);
            } else {
                session.out().printf("%d %s areas imported (%d features skipped); %,d incidents assigned in %,d ms%n",
                        result.areas(), result.kind(), result.skipped(), result.incidentsAssigned(), result.elapsedMs());
                result.warnings().forEach(w -> session.out().println("  " + w));
            }
            return 0;
        }
    }

    /** Lists stored areas. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List stored areas by kind")
    static final class ListAreas extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            var areas = session.services().areas().list();
            if (json) {
                session.printJson(areas);
            } else {
                areas.forEach(a -> session.out().printf("%-12s %-30s %s%n", a.kind(), a.name(),
                        a.population() == null ? "" : String.format("%,d", a.population())));
            }
            return 0;
        }
    }
}
