package org.khareetaty.app;

import javafx.application.Application;
import org.khareetaty.common.DataFolder;

/** Starts the JavaFX application; kept apart from {@link Main} so the CLI never loads JavaFX. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    /** Opens the window, runs the map benchmark, writes its figures to {@code output} and returns when done. */
    static void benchmarkMap(DataFolder folder, java.nio.file.Path output) {
        Application.launch(DesktopApp.class, "--data-dir=" + folder.root(), "--map-benchmark=" + output.toAbsolutePath());
    }

    static void launch(DataFolder folder) {
        Application.launch(DesktopApp.class, "--data-dir=" + folder.root());
    }
}
