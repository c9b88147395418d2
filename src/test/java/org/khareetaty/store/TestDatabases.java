package org.khareetaty.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.khareetaty.common.DataFolder;

/**
 * Fresh, fully migrated databases for tests in milliseconds: the first call migrates a template database
 * (H2GIS function registration takes seconds), later calls copy its file into the test's folder.
 */
public final class TestDatabases {

    private static Path template;

    private TestDatabases() {
    }

    /** Opens a new database in {@code folder} (which must not hold one yet). */
    public static Database open(Path folder) {
        return Database.open(prepare(folder));
    }

    /** Puts a migrated empty database file into {@code folder} and returns it as a data folder. */
    public static synchronized DataFolder prepare(Path folder) {
        try {
            if (template == null) {
                Path dir = Files.createTempDirectory("khareetaty-template");
                Database.open(new DataFolder(dir)).close();
                template = new DataFolder(dir).databaseFile();
                dir.toFile().deleteOnExit();
            }
            DataFolder target = new DataFolder(folder);
            Files.createDirectories(folder);
            Files.copy(template, target.databaseFile());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
