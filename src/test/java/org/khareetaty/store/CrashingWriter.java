package org.khareetaty.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.khareetaty.common.DataFolder;

/**
 * Child-process program for {@link DurabilityTest}: commits one incident batch row per transaction and
 * prints each id only after commit() returned, i.e. after the user would have seen "saved".
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        Database database = Database.open(new DataFolder(Path.of(args[0])));
        out.println("OPEN");
        while (true) {
            UUID id = UUID.randomUUID();
            database.inTransaction(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO import_batch (id, started_at, status) VALUES (?, CURRENT_TIMESTAMP, 'COMPLETE')")) {
                    statement.setObject(1, id);
                    return statement.executeUpdate();
                }
            });
            out.println(id);
        }
    }
}
