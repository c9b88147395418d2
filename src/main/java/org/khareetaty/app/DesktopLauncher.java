package org.khareetaty.app;

import javafx.application.Application;
import org.khareetaty.common.DataFolder;

/** Starts the JavaFX application; kept apart from {@link Main} so the CLI never loads JavaFX. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static void launch(DataFolder folder) {
        Application.launch(DesktopApp.class, "--data-dir=" + folder.root());
    }
}
