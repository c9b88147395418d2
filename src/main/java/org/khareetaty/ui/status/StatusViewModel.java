package org.khareetaty.ui.status;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.common.health.HealthCheck;
import org.khareetaty.common.health.HealthReport;
import org.khareetaty.common.health.HealthResult;
import org.khareetaty.pipeline.PipelineRun;
import org.khareetaty.pipeline.PipelineService;
import org.khareetaty.pipeline.StepResult;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FxExecutor;

/** The status pane: every health check in plain words, the last pipeline run step by step, and "run now". */
public final class StatusViewModel {

    private final Supplier<List<HealthCheck>> checks;
    private final PipelineService pipeline;
    private final Principal principal;
    private final FxExecutor executor;
    private final ObservableList<HealthResult> health = FXCollections.observableArrayList();
    private final ObservableList<StepResult> lastSteps = FXCollections.observableArrayList();
    private final StringProperty lastRun = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);

    public StatusViewModel(Supplier<List<HealthCheck>> checks, PipelineService pipeline, Principal principal, FxExecutor executor) {
        this.checks = checks;
        this.pipeline = pipeline;
        this.principal = principal;
        this.executor = executor;
    }

    public ObservableList<HealthResult> health() {
        return health;
    }

    public ObservableList<StepResult> lastSteps() {
        return lastSteps;
    }

    public StringProperty lastRunProperty() {
        return lastRun;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public void refresh() {
        executor.run("Check health", context -> HealthReport.run(checks.get()), report -> {
            health.setAll(report.results());
            message.set(report.healthy() ? "The workstation is healthy." : "Some checks failed: see the red lines.");
        }, failure -> message.set(failure.getMessage()));
        executor.run("Read pipeline runs", context -> pipeline.lastRun(), run -> show(run.orElse(null)),
                failure -> message.set(failure.getMessage()));
    }

    public void runPipelineNow() {
        running.set(true);
        executor.run("Daily pipeline", context -> pipeline.run(principal, "manual", context), run -> {
            running.set(false);
            show(run);
            refresh();
        }, failure -> {
            running.set(false);
            message.set("The pipeline could not run: " + failure.getMessage());
        });
    }

    private void show(PipelineRun run) {
        if (run == null) {
            lastRun.set("The pipeline has not run yet.");
            lastSteps.clear();
            return;
        }
        lastRun.set("Last pipeline run: " + run.startedAt() + " (" + run.trigger() + ") — " + run.status());
        lastSteps.setAll(run.steps());
    }
}
