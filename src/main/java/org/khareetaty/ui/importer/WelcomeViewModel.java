package org.khareetaty.ui.importer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.khareetaty.ingest.ImportReport;
import org.khareetaty.ingest.samples.SampleService;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FxExecutor;

/** First start with an empty database: offers the Kuwait sample, the Philadelphia extract or the user's own files. */
public final class WelcomeViewModel {

    private final SampleService samples;
    private final Principal principal;
    private final FxExecutor executor;
    private final String dataFolder;
    private final Runnable openImportWizard;
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty done = new SimpleBooleanProperty(false);

    public WelcomeViewModel(SampleService samples, Principal principal, FxExecutor executor, String dataFolder, Runnable openImportWizard) {
        this.samples = samples;
        this.principal = principal;
        this.executor = executor;
        this.dataFolder = dataFolder;
        this.openImportWizard = openImportWizard;
    }

    public String dataFolder() {
        return dataFolder;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** True once a sample is loaded or the user chose to import their own files: the welcome can close. */
    public BooleanProperty doneProperty() {
        return done;
    }

    public void loadSample(SampleService.Sample sample) {
        busy.set(true);
        status.set("Loading " + sample.title() + "…");
        executor.run("Load sample " + sample.name().toLowerCase(java.util.Locale.ROOT),
                context -> samples.load(principal, sample, context), (ImportReport report) -> {
                    busy.set(false);
                    status.set(report.message() + ". " + report.qualityMessage());
                    done.set(true);
                }, error -> {
                    busy.set(false);
                    status.set("Cannot load the sample: " + error.getMessage());
                });
    }

    public void importOwnFiles() {
        done.set(true);
        openImportWizard.run();
    }
}
