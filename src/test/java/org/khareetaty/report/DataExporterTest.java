package org.khareetaty.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.Principal;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.report.export.ExportFormat;

/** One database for the class (opening one costs seconds); the tests only read it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataExporterTest {

    private static final String[] HOSTILE = {"=HYPERLINK(\"http://evil\",\"x\")", "+SUM(1)", "-2+3", "@cmd", "\tTAB",
        "\rCR", "1200 BLOCK MARKET ST, \"NORTH\""};

    @TempDir
    static Path folder;

    CoreServices core;
    UUID run;

    @BeforeAll
    void load() {
        core = CoreServices.open(new DataFolder(folder.resolve("data")));
        ReportFixture fixture = new ReportFixture(core.database());
        fixture.category("=EVIL", "=1+1", "Other");
        core.database().inTransaction(connection -> {
            for (int i = 0; i < HOSTILE.length; i++) {
                boolean located = i % 3 != 2;
                fixture.incident(connection, "key" + i, LocalDateTime.of(2025, 3, 3 + i, 10, 0), ReportFixture.PHILADELPHIA,
                        i == 0 ? "=EVIL" : "THEFT", "-Thefts", HOSTILE[i], located ? -75.16 - i / 100.0 : null,
                        located ? 39.95 : null, null);
            }
            return null;
        });
        run = fixture.analysisRun("DBSCAN", "{}", null, null, 7, Instant.parse("2025-03-10T00:00:00Z"));
        fixture.hotspot(run, 1, "=BAD()", "POLYGON((-75.2 39.9, -75.1 39.9, -75.1 40.0, -75.2 40.0, -75.2 39.9))", 5,
                List.of());
    }

    @AfterAll
    void close() {
        core.close();
    }

    @Test
    void incidentCsvIsValidRfc4180WithEveryHostileCellNeutralised() throws Exception {
        Path file = folder.resolve("out/incidents.csv");
        long rows = core.exporter().exportIncidents(Principal.BOOTSTRAP, IncidentFilter.ALL, ExportFormat.CSV, file, TaskContext.NONE);
        assertThat(rows).isEqualTo(HOSTILE.length);
        List<List<String>> records = CsvSafeWriterTest.Rfc4180.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(records).hasSize(HOSTILE.length + 1);
        List<String> header = records.get(0);
        int address = header.indexOf("address");
        int lon = header.indexOf("lon");
        int label = header.indexOf("category_label");
        for (List<String> record : records.subList(1, records.size())) {
            assertThat(record).hasSize(header.size());
            for (String cell : record) {
                if (!cell.isEmpty() && cell != record.get(lon)) {
                    assertThat("=+-@\t\r").as("cell %s", cell).doesNotContain(cell.substring(0, 1));
                }
            }
            if (!record.get(lon).isEmpty()) {
                assertThat(Double.parseDouble(record.get(lon))).isNegative();  // a number, not text
            }
        }
        assertThat(records.get(1).get(address)).isEqualTo("'" + HOSTILE[0]);
        assertThat(records.get(1).get(label)).isEqualTo("'=1+1");
        assertThat(records.get(7).get(address)).isEqualTo(HOSTILE[6]);
        assertThat(Files.exists(folder.resolve("out/incidents.csv.part"))).isFalse();
    }

    @Test
    void incidentGeoJsonHasOneFeaturePerIncidentAndNullGeometryWhenUnlocated() throws Exception {
        Path file = folder.resolve("incidents.geojson");
        IncidentFilter filter = IncidentFilter.ALL.withDates(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 7));
        long rows = core.exporter().exportIncidents(Principal.BOOTSTRAP, filter, ExportFormat.GEOJSON, file, TaskContext.NONE);
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(root.get("features")).hasSize((int) rows);
        assertThat(rows).isEqualTo(5);
        JsonNode first = root.get("features").get(0);
        assertThat(first.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(-75.16);
        assertThat(first.get("properties").get("address").asText()).isEqualTo(HOSTILE[0]);
        assertThat(root.get("features").get(2).get("geometry").isNull()).isTrue();
    }

    @Test
    void filterByCategoryIsApplied() throws Exception {
        Path file = folder.resolve("theft.csv");
        long rows = core.exporter().exportIncidents(Principal.BOOTSTRAP, IncidentFilter.ALL.withCategories(Set.of("THEFT")), ExportFormat.CSV,
                file, TaskContext.NONE);
        assertThat(rows).isEqualTo(HOSTILE.length - 1);
    }

    @Test
    void hotspotsExportAsCsvAndGeoJson() throws Exception {
        Path csv = folder.resolve("hotspots.csv");
        assertThat(core.exporter().exportHotspots(Principal.BOOTSTRAP, null, ExportFormat.CSV, csv, TaskContext.NONE)).isEqualTo(1);
        List<List<String>> records = CsvSafeWriterTest.Rfc4180.parse(Files.readString(csv));
        assertThat(records.get(1).get(records.get(0).indexOf("label"))).isEqualTo("'=BAD()");
        assertThat(records.get(1).get(records.get(0).indexOf("wkt"))).startsWith("POLYGON");
        assertThat(Double.parseDouble(records.get(1).get(records.get(0).indexOf("centroid_lon"))))
                .isCloseTo(-75.15, org.assertj.core.data.Offset.offset(1e-9));

        Path geojson = folder.resolve("hotspots.geojson");
        core.exporter().exportHotspots(Principal.BOOTSTRAP, run, ExportFormat.GEOJSON, geojson, TaskContext.NONE);
        JsonNode feature = new ObjectMapper().readTree(geojson.toFile()).get("features").get(0);
        assertThat(feature.get("geometry").get("type").asText()).isEqualTo("Polygon");
        assertThat(feature.get("properties").get("rank").asInt()).isEqualTo(1);
    }

    @Test
    void unknownRunIsAClearError() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> core.exporter().exportHotspots(Principal.BOOTSTRAP, unknown, ExportFormat.CSV, folder.resolve("x.csv"),
                TaskContext.NONE)).hasMessageContaining(unknown.toString());
        assertThat(Files.exists(folder.resolve("x.csv"))).isFalse();
    }
}
