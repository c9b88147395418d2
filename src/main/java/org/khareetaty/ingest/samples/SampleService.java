package org.khareetaty.ingest.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.khareetaty.common.TaskContext;
import org.khareetaty.security.Principal;
import org.khareetaty.ingest.ImportException;
import org.khareetaty.ingest.ImportReport;
import org.khareetaty.ingest.ImportService;

/**
 * Loads the samples that ship inside the application (classpath {@code /samples/}): the Kuwait synthetic
 * incidents with governorate boundaries, or a real month of Philadelphia incidents with police districts.
 * Files are copied or generated into the data folder's cache first, because the importer reads files.
 */
public final class SampleService {

    /** The samples a first start offers. */
    public enum Sample {
        KUWAIT("Kuwait (synthetic, two years, six governorates)"),
        PHILADELPHIA("Philadelphia, January 2024 (real, police districts)");

        private final String title;

        Sample(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }

        public static Sample parse(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ImportException("Unknown sample '" + name + "': choose kuwait or philadelphia");
            }
        }
    }

    /** Fixed so that every workstation gets the same Kuwait sample. */
    static final long KUWAIT_SEED = 20240311L;
    static final LocalDate KUWAIT_FROM = LocalDate.of(2023, 1, 1);
    static final LocalDate KUWAIT_TO = LocalDate.of(2024, 12, 31);
    static final double KUWAIT_PER_DAY = 60;

    private final ImportService imports;
    private final Path cache;

    public SampleService(ImportService imports, Path cache) {
        this.imports = imports;
        this.cache = cache;
    }

    /** Imports the sample's boundaries, then its incidents; returns the incident import's report. */
    public ImportReport load(Principal actor, Sample sample, TaskContext context) {
        try {
            Path folder = Files.createDirectories(cache.resolve("samples"));
            return switch (sample) {
                case KUWAIT -> {
                    Path boundaries = copy("/samples/kuwait/governorates.geojson", folder.resolve("kuwait-governorates.geojson"));
                    imports.importAreas(actor, boundaries, "governorate", "name", context);
                    Path incidents = folder.resolve("kuwait-incidents.csv");
                    try (Writer out = Files.newBufferedWriter(incidents, StandardCharsets.UTF_8)) {
                        new KuwaitIncidentGenerator(KUWAIT_SEED).write(out, KUWAIT_FROM, KUWAIT_TO, KUWAIT_PER_DAY);
                    }
                    yield imports.importFiles(actor, List.of(incidents), imports.profiles().get("origin-system"), context);
                }
                case PHILADELPHIA -> {
                    Path districts = copy("/samples/philadelphia/police_districts.geojson", folder.resolve("philadelphia-districts.geojson"));
                    imports.importAreas(actor, districts, "district", "dist_numc", context);
                    Path incidents = copy("/samples/philadelphia/incidents_2024-01.csv.gz", folder.resolve("philadelphia-2024-01.csv.gz"));
                    yield imports.importFiles(actor, List.of(incidents), imports.profiles().get("philadelphia"), context);
                }
            };
        } catch (IOException e) {
            throw new ImportException("Cannot prepare the " + sample.title() + " sample: " + e.getMessage(), e);
        }
    }

    private static Path copy(String resource, Path target) throws IOException {
        try (InputStream in = SampleService.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ImportException("The sample file " + resource + " is missing from the application");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
