package org.khareetaty;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Where tests find the real Philadelphia data when the machine has it (../shared/data next to the repo). */
public final class TestData {

    private TestData() {
    }

    public static Path sharedData() {
        Path candidate = Path.of(System.getProperty("user.dir")).resolve("../shared/data").normalize();
        if (!Files.isDirectory(candidate)) {
            candidate = Path.of("/work/shared/data");
        }
        return candidate;
    }

    /** The Philadelphia folder, or the test is skipped with a message saying why. */
    public static Path philadelphiaOrSkip() {
        Path folder = sharedData().resolve("philadelphia");
        Assumptions.assumeTrue(Files.isDirectory(folder),
                "Skipped: the full Philadelphia data is not at " + folder + " on this machine");
        return folder;
    }
}
