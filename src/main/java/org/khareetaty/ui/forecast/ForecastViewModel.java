package org.khareetaty.ui.forecast;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.analysis.forecast.ForecastRun;
import org.khareetaty.analysis.forecast.ForecastService;
import org.khareetaty.analysis.forecast.SeriesForecast;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The forecast pane: choose what to forecast (areas of a kind, a category group, a horizon), run it on a
 * background task, then pick a series to see its forecast with 80% and 95% intervals.
 */
public final class ForecastViewModel {

    /** "All categories" in the group chooser. */
    public static final String ALL_GROUPS = "All categories";

    private final ForecastService service;
    private final FxExecutor executor;
    private final ObservableList<String> kinds = FXCollections.observableArrayList();
    private final ObservableList<String> groups = FXCollections.observableArrayList(ALL_GROUPS);
    private final StringProperty kind = new SimpleStringProperty("district");
    private final StringProperty group = new SimpleStringProperty(ALL_GROUPS);
    private final IntegerProperty horizon = new SimpleIntegerProperty(28);
    private final ObjectProperty<ForecastRun> run = new SimpleObjectProperty<>();
    private final ObservableList<SeriesForecast> series = FXCollections.observableArrayList();
    private final ObjectProperty<SeriesForecast> selected = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("Choose what to forecast and press Forecast.");

    public ForecastViewModel(ForecastService service, FxExecutor executor) {
        this.service = service;
        this.executor = executor;
    }

    public ObservableList<String> kinds() {
        return kinds;
    }

    public ObservableList<String> groups() {
        return groups;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public IntegerProperty horizonProperty() {
        return horizon;
    }

    public ObjectProperty<ForecastRun> runProperty() {
        return run;
    }

    public ObservableList<SeriesForecast> series() {
        return series;
    }

    public ObjectProperty<SeriesForecast> selectedProperty() {
        return selected;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Loads the area kinds and category groups to choose from. */
    public void loadChoices() {
        executor.run("Read forecast choices", context -> new Choices(service.seriesKinds(context), service.categoryGroups()),
                choices -> {
                    kinds.setAll(choices.kinds());
                    groups.setAll(ALL_GROUPS);
                    groups.addAll(choices.groups());
                    if (!kinds.contains(kind.get())) {
                        kind.set(kinds.size() > 1 ? kinds.get(1) : kinds.get(0));
                    }
                }, error -> status.set("Cannot read the areas: " + error.getMessage()));
    }

    private record Choices(List<String> kinds, List<String> groups) {
    }

    /** Fits and stores a forecast for the current choices. */
    public void forecast() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        status.set("Forecasting…");
        String chosenGroup = ALL_GROUPS.equals(group.get()) ? null : group.get();
        ForecastService.Request request = new ForecastService.Request(kind.get(), chosenGroup, horizon.get(), null);
        executor.run("Forecast incident counts", context -> service.forecast(request, context), result -> {
            busy.set(false);
            run.set(result);
            series.setAll(result.series());
            selected.set(result.series().isEmpty() ? null : result.series().get(0));
            status.set(String.format("Forecast from %s for %d days, fitted on %s to %s; %d series in %d ms. Stored.",
                    result.origin(), result.horizonDays(), result.trainingFrom(), result.trainingTo(),
                    result.series().size(), result.elapsedMs()));
        }, error -> {
            busy.set(false);
            status.set("Forecast failed: " + error.getMessage());
        });
    }
}
