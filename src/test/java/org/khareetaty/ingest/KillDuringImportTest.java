package org.khareetaty.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.security.Principal;
import org.khareetaty.ChildJvm;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import org.khareetaty.ingest.samples.KuwaitIncidentGenerator;
import org.khareetaty.store.TestDatabases;

/** kill -9 in the middle of an import: the database opens, no half batch counts as done, and it can be resumed. */
class KillDuringImportTest {

    @TempDir
    Path folder;

    @Test
    void killedImportLeavesAnOpenableDatabaseWithAnIncompleteBatchThatResumes() throws Exception {
        DataFolder data = TestDatabases.prepare(folder.resolve("db"));
        Path file = folder.resolve("kuwait.csv");
        long generated;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            generated = new KuwaitIncidentGenerator(11).write(out, LocalDate.of(2022, 1, 1), LocalDate.of(2024, 12, 31), 60);
        }
        Process child = ChildJvm.start(ImportChild.class, data.root().toString(), file.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("IMPORTING")) {
                assertThat(line).isNotEqualTo("DONE");
            }
            assertThat(line).as("the child reached the import").isEqualTo("IMPORTING");
        }
        ChildJvm.killHard(child);

        try (CoreServices core = CoreServices.open(data)) {
            Map<String, Long> counts = core.database().rowCounts();
            assertThat(counts.get("incident")).isZero();
            assertThat(counts.get("quarantined_row")).isZero();
            List<ImportService.BatchInfo> batches = core.imports().batches();
            assertThat(batches).hasSize(1);
            assertThat(batches.get(0).status()).isEqualTo("INCOMPLETE");

            ImportReport resumed = core.imports().resume(Principal.BOOTSTRAP, batches.get(0).id(), TaskContext.NONE);
            assertThat(resumed.status()).isEqualTo("COMPLETE");
            assertThat(resumed.rowsRead()).isEqualTo(generated);
            assertThat(core.database().rowCounts().get("incident")).isEqualTo(resumed.accepted());
            assertThat(core.imports().batches().get(0).status()).isEqualTo("COMPLETE");
        }
    }
}
