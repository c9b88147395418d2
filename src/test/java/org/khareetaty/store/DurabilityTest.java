package org.khareetaty.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.khareetaty.ChildJvm;
import org.khareetaty.common.DataFolder;

/** A save the user saw succeed survives kill -9; the lock of a dead process is recovered without a manual step. */
class DurabilityTest {

    @TempDir
    Path folder;

    @Test
    void committedRowsSurviveKillNineAndTheFolderReopens() throws Exception {
        DataFolder data = TestDatabases.prepare(folder);
        for (int round = 0; round < 3; round++) {
            Process writer = ChildJvm.start(CrashingWriter.class, folder.toString());
            List<UUID> acknowledged = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(lines.readLine()).isEqualTo("OPEN");
                // While the child holds the folder, a second process is refused with a message naming the folder.
                assertThatThrownBy(() -> Database.open(data))
                        .isInstanceOf(DataFolderInUseException.class)
                        .hasMessageContaining(folder.toString());
                String line;
                while (acknowledged.size() < 200 + round * 150 && (line = lines.readLine()) != null) {
                    acknowledged.add(UUID.fromString(line));
                }
                ChildJvm.killHard(writer);
            }
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);
            assertThat(Files.exists(folder.resolve(FolderLock.FILE_NAME))).as("stale lock file left behind").isTrue();

            try (Database reopened = Database.open(data)) {
                for (UUID id : acknowledged) {
                    assertThat(exists(reopened, id)).as("committed row %s lost in round %d", id, round).isTrue();
                }
                assertThat(reopened.pendingMigrations()).isZero();
            }
        }
    }

    @Test
    void secondOpenInTheSameProcessIsRefusedClearly() {
        try (Database first = TestDatabases.open(folder)) {
            assertThatThrownBy(() -> Database.open(new DataFolder(folder)))
                    .isInstanceOf(DataFolderInUseException.class)
                    .hasMessageContaining("already open")
                    .hasMessageContaining(folder.toString());
        }
        // Released on close: opens again.
        Database.open(new DataFolder(folder)).close();
    }

    private static boolean exists(Database database, UUID id) {
        return database.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM import_batch WHERE id = ?")) {
                statement.setObject(1, id);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
