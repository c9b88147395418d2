package org.khareetaty.ui.charts;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jfree.chart.entity.ChartEntity;
import org.khareetaty.charts.ChartContext;
import org.khareetaty.charts.ChartFiles;
import org.khareetaty.charts.ChartKind;
import org.khareetaty.charts.ChartOptions;
import org.khareetaty.charts.ChartService;
import org.khareetaty.charts.IncidentChart;
import org.khareetaty.security.Principal;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The chart pane: the shared filter and the chart options in, five drawn charts out. Every change of either redraws
 * all charts on background tasks (one per chart); a result that arrives after a newer change is dropped. Clicking a
 * chart item sets the shared filter, so the map and the table follow.
 */
public final class ChartsViewModel {

    private final ChartService charts;
    private final ChartFiles chartFiles;
    private final Principal principal;
    private final FxExecutor executor;
    private final FilterModel filter;
    private final Map<ChartKind, ChartSlot> slots = new EnumMap<>(ChartKind.class);
    private final ObjectProperty<ChartOptions> options = new SimpleObjectProperty<>(ChartOptions.DEFAULTS);
    private final ObservableList<String> areaKinds = FXCollections.observableArrayList();
    private final StringProperty filterSummary = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty canGoBack = new SimpleBooleanProperty(false);
    private final Deque<IncidentFilter> history = new ArrayDeque<>();
    private final Map<ChartKind, BackgroundTasks.RunningTask<?>> running = new EnumMap<>(ChartKind.class);
    private long generation;
    private long startedNanos;
    private int pending;

    public ChartsViewModel(ChartService charts, ChartFiles chartFiles, Principal principal, FxExecutor executor,
            FilterModel filter) {
        this.charts = charts;
        this.chartFiles = chartFiles;
        this.principal = principal;
        this.executor = executor;
        this.filter = filter;
        for (ChartKind kind : ChartKind.values()) {
            slots.put(kind, new ChartSlot(kind));
        }
        filter.filterProperty().addListener((obs, old, now) -> refresh());
        filter.dataRevisionProperty().addListener((obs, old, now) -> refresh());
        options.addListener((obs, old, now) -> refresh());
    }

    public ChartSlot slot(ChartKind kind) {
        return slots.get(kind);
    }

    public List<ChartSlot> slots() {
        return List.copyOf(slots.values());
    }

    public ObjectProperty<ChartOptions> optionsProperty() {
        return options;
    }

    /** Area kinds to compare, fewest areas first (the agency's own areas lead). */
    public ObservableList<String> areaKinds() {
        return areaKinds;
    }

    public StringProperty filterSummaryProperty() {
        return filterSummary;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty canGoBackProperty() {
        return canGoBack;
    }

    /** Redraws every chart for the current filter and options. */
    public void refresh() {
        long thisGeneration = ++generation;
        IncidentFilter current = filter.get();
        ChartOptions chosen = options.get();
        running.values().forEach(BackgroundTasks.RunningTask::cancel);
        running.clear();
        startedNanos = System.nanoTime();
        pending = slots.size();
        status.set("Drawing charts…");
        executor.run("Describe chart filter", context -> {
            ChartContext chartContext = charts.context();
            return new Summary(charts.describe(current, chartContext), List.copyOf(chartContext.areaKinds().keySet()));
        }, summary -> {
            if (thisGeneration == generation) {
                filterSummary.set(summary.text().isEmpty() ? "No filter: all incidents" : summary.text());
                if (!areaKinds.equals(summary.areaKinds())) {
                    areaKinds.setAll(summary.areaKinds());
                }
            }
        }, error -> filterSummary.set("Cannot read the filter: " + error.getMessage()));
        for (ChartSlot slot : slots.values()) {
            slot.busyProperty().set(true);
            running.put(slot.kind(), executor.run("Draw " + slot.title().toLowerCase(java.util.Locale.ROOT),
                    context -> charts.build(slot.kind(), current, chosen, context),
                    drawn -> {
                        if (thisGeneration == generation) {
                            slot.show(drawn);
                            chartDone();
                        }
                    },
                    error -> {
                        if (thisGeneration == generation) {
                            slot.failed("Cannot draw this chart: " + error.getMessage());
                            chartDone();
                        }
                    }));
        }
    }

    private void chartDone() {
        if (--pending == 0) {
            status.set(String.format("Charts drawn in %,d ms", (System.nanoTime() - startedNanos) / 1_000_000));
        }
    }

    /**
     * A click on a chart item: sets the filter it stands for (map and table follow). {@code extend} (Ctrl/⌘) adds the
     * item to the current choice or removes it.
     */
    public void clicked(ChartKind kind, ChartEntity entity, boolean extend) {
        IncidentChart chart = slots.get(kind).current();
        if (chart == null) {
            return;
        }
        IncidentFilter current = filter.get();
        chart.drillDown(entity, current, extend).filter(next -> !next.equals(current)).ifPresent(next -> {
            history.push(current);
            canGoBack.set(true);
            filter.set(next);
        });
    }

    /** Undoes the last filter change made by clicking a chart. */
    public void back() {
        if (!history.isEmpty()) {
            IncidentFilter previous = history.pop();
            canGoBack.set(!history.isEmpty());
            filter.set(previous);
        }
    }

    /** Removes every condition of the shared filter (the charts go back to the last 12 months). */
    public void clearFilter() {
        IncidentFilter current = filter.get();
        if (!current.equals(IncidentFilter.ALL)) {
            history.push(current);
            canGoBack.set(true);
            filter.set(IncidentFilter.ALL);
        }
    }

    /**
     * Writes a chart (PNG or SVG by the file's extension) at the given size. The chart is drawn afresh off the UI
     * thread for the current filter, so the export never shares a chart object with the screen.
     */
    public void export(ChartKind kind, Path file, int width, int height) {
        IncidentFilter current = filter.get();
        ChartOptions chosen = options.get();
        status.set("Exporting " + kind.title().toLowerCase(java.util.Locale.ROOT) + "…");
        executor.run("Export chart", context -> {
            chartFiles.write(principal, kind, current, charts.build(kind, current, chosen, context), file, width, height);
            return file;
        }, written -> status.set("Saved " + written), error -> status.set("Cannot export: " + error.getMessage()));
    }

    private record Summary(String text, List<String> areaKinds) {
    }
}
