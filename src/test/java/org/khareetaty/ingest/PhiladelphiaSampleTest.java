package org.khareetaty.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.Principal;
import org.khareetaty.TestData;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.core.CoreServices;
import org.khareetaty.ingest.samples.SampleService;
import org.khareetaty.store.TestDatabases;

/** Real data: the committed Philadelphia extract, and one full year of the shared data when present. */
class PhiladelphiaSampleTest {

    @TempDir
    Path folder;

    /** Lines after the header, read with a plain reader (the extract has no quoted line breaks). */
    private static long dataLines(String resource) throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(PhiladelphiaSampleTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            return reader.lines().count() - 1;
        }
    }

    @Test
    void sampleImportsWithDistrictsCountsAddUpAndReimportAddsNothing() throws Exception {
        try (CoreServices core = CoreServices.open(TestDatabases.prepare(folder.resolve("db")))) {
            ImportReport first = core.samples().load(Principal.BOOTSTRAP, SampleService.Sample.PHILADELPHIA, TaskContext.NONE);
            assertThat(first.rowsRead()).isEqualTo(dataLines("/samples/philadelphia/incidents_2024-01.csv.gz"));
            assertThat(first.countsAddUp()).isTrue();
            assertThat(core.settings().get(Settings.AGENCY_ZONE)).as("the first import sets the unset agency zone")
                    .isEqualTo(ZoneId.of("America/New_York"));
            assertThat(first.accepted()).isGreaterThan(first.rowsRead() * 9 / 10);
            long[] stored = core.database().withConnection(connection -> {
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                        "SELECT (SELECT COUNT(*) FROM incident), (SELECT COUNT(*) FROM incident WHERE lon IS NOT NULL), "
                                + "(SELECT COUNT(*) FROM incident_area WHERE kind = 'district')")) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
                }
            });
            assertThat(stored[0]).isEqualTo(first.accepted());
            assertThat(stored[1]).isEqualTo(first.located());
            assertThat(stored[2]).isGreaterThan(stored[1] * 98 / 100);  // nearly every located point is in a district

            // The local date is derived from the UTC dispatch time in America/New_York: it must equal the export's own
            // local dispatch_date for the same dc_key.
            String[] row = firstDataRow();
            String localDate = core.database().withConnection(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "SELECT CAST(local_date AS VARCHAR) FROM incident WHERE source_key = ?")) {
                    statement.setString(1, row[10]);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            });
            assertThat(localDate).isEqualTo(row[7]);

            ImportReport again = core.imports().importFiles(Principal.BOOTSTRAP, List.of(folder.resolve("db/cache/samples/philadelphia-2024-01.csv.gz")),
                    null, TaskContext.NONE);
            assertThat(again.accepted()).isZero();
            assertThat(again.duplicates()).isEqualTo(first.accepted() + first.duplicates());
        }
    }

    @Test
    void anAgencyZoneTheAdministratorChoseIsKept() throws Exception {
        try (CoreServices core = CoreServices.open(TestDatabases.prepare(folder.resolve("db")))) {
            core.settings().set(Settings.AGENCY_ZONE, ZoneId.of("Asia/Kuwait"));
            core.samples().load(Principal.BOOTSTRAP, SampleService.Sample.PHILADELPHIA, TaskContext.NONE);
            assertThat(core.settings().get(Settings.AGENCY_ZONE)).isEqualTo(ZoneId.of("Asia/Kuwait"));
        }
    }

    private static String[] firstDataRow() throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                PhiladelphiaSampleTest.class.getResourceAsStream("/samples/philadelphia/incidents_2024-01.csv.gz")),
                StandardCharsets.UTF_8))) {
            reader.readLine();
            return reader.readLine().split(",", -1);
        }
    }

    @Test
    void fullYear2024FromSharedDataMatchesTheKnownFacts() {
        Path philadelphia = TestData.philadelphiaOrSkip();
        try (CoreServices core = CoreServices.open(TestDatabases.prepare(folder.resolve("year")))) {
            ImportReport report = core.imports().importFiles(Principal.BOOTSTRAP, List.of(philadelphia.resolve("incidents_2024.csv.gz")),
                    null, TaskContext.NONE);
            // data/README.md: 160,388 rows in 2024, 6,731 of them without coordinates.
            assertThat(report.rowsRead()).isEqualTo(160_388);
            assertThat(report.countsAddUp()).isTrue();
            long unlocated = report.accepted() - report.located();
            assertThat(unlocated).isLessThanOrEqualTo(6_731)
                    .isGreaterThanOrEqualTo(6_731 - report.quarantined() - report.duplicates());
        }
    }
}
