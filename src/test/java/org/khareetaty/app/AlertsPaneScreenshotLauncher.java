package org.khareetaty.app;

import javafx.application.Application;

/** Starts {@link AlertsPaneScreenshot} from the class path (a main class extending Application needs the module path). */
public final class AlertsPaneScreenshotLauncher {

    private AlertsPaneScreenshotLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(AlertsPaneScreenshot.class, args);
    }
}
