package org.khareetaty.app;

import javafx.application.Application;

/** Starts {@link ForecastPaneScreenshot} from the class path (a main class extending Application needs the module path). */
public final class ForecastPaneScreenshotLauncher {

    private ForecastPaneScreenshotLauncher() {
    }

    public static void main(String[] args) {
        Application.launch(ForecastPaneScreenshot.class, args);
    }
}
