package org.khareetaty.ui.hotspots;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.analysis.hotspot.Hotspot;
import org.khareetaty.analysis.hotspot.HotspotParameters;
import org.khareetaty.analysis.hotspot.HotspotRun;
import org.khareetaty.analysis.hotspot.HotspotService;
import org.khareetaty.analysis.hotspot.KDistance;
import org.khareetaty.analysis.hotspot.KernelDensity;
import org.khareetaty.analysis.hotspot.RunComparison;
import org.khareetaty.analysis.hotspot.RunKind;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.ui.common.FilterModel;
import org.khareetaty.ui.common.FxExecutor;
import org.locationtech.jts.geom.Envelope;

/**
 * The hotspot panel: parameters of the chosen method, a cancellable background run on the shared filter,
 * the ranked hotspots of the current run, the selected hotspot (which narrows the shared filter to its
 * extent so the map and incidents table follow), stored runs to reopen or compare, and the k-distance curve.
 */
public final class HotspotsViewModel {

    private final HotspotService service;
    private final FxExecutor executor;
    private final FilterModel filter;
    private final java.util.function.Supplier<String> username;

    private final ObjectProperty<RunKind> method = new SimpleObjectProperty<>(RunKind.DBSCAN);
    private final DoubleProperty epsMetres = new SimpleDoubleProperty(150);
    private final IntegerProperty minPoints = new SimpleIntegerProperty(25);
    private final ObjectProperty<KernelDensity.Kernel> kernel = new SimpleObjectProperty<>(KernelDensity.Kernel.GAUSSIAN);
    private final DoubleProperty bandwidthMetres = new SimpleDoubleProperty(200);
    private final DoubleProperty kdeCellMetres = new SimpleDoubleProperty(100);
    private final ObjectProperty<HotspotParameters.Period> period = new SimpleObjectProperty<>(HotspotParameters.Period.WEEK);
    private final DoubleProperty giCellMetres = new SimpleDoubleProperty(150);
    private final StringProperty giAreaKind = new SimpleStringProperty("");

    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("Choose a method and press Run. The run uses the shared filter.");
    private final StringProperty runSummary = new SimpleStringProperty("");
    private final ObservableList<Hotspot> hotspots = FXCollections.observableArrayList();
    private final ObjectProperty<Hotspot> selected = new SimpleObjectProperty<>();
    private final ObservableList<HotspotRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<HotspotRun> currentRun = new SimpleObjectProperty<>();
    private final ObjectProperty<KDistance.Curve> kDistance = new SimpleObjectProperty<>();
    private final ObservableList<String> comparison = FXCollections.observableArrayList();
    private BackgroundTasks.RunningTask<?> task;
    private IncidentFilter filterBeforeSelection;

    public HotspotsViewModel(HotspotService service, FxExecutor executor, FilterModel filter,
            java.util.function.Supplier<String> username) {
        this.service = service;
        this.executor = executor;
        this.filter = filter;
        this.username = username;
        selected.addListener((obs, old, now) -> followSelection(now));
    }

    public ObjectProperty<RunKind> methodProperty() {
        return method;
    }

    public DoubleProperty epsMetresProperty() {
        return epsMetres;
    }

    public IntegerProperty minPointsProperty() {
        return minPoints;
    }

    public ObjectProperty<KernelDensity.Kernel> kernelProperty() {
        return kernel;
    }

    public DoubleProperty bandwidthMetresProperty() {
        return bandwidthMetres;
    }

    public DoubleProperty kdeCellMetresProperty() {
        return kdeCellMetres;
    }

    public ObjectProperty<HotspotParameters.Period> periodProperty() {
        return period;
    }

    public DoubleProperty giCellMetresProperty() {
        return giCellMetres;
    }

    /** Empty for a grid; an area kind (e.g. district) for Gi* over areas. */
    public StringProperty giAreaKindProperty() {
        return giAreaKind;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty runSummaryProperty() {
        return runSummary;
    }

    public ObservableList<Hotspot> hotspots() {
        return hotspots;
    }

    public ObjectProperty<Hotspot> selectedProperty() {
        return selected;
    }

    public ObservableList<HotspotRun> runs() {
        return runs;
    }

    public ObjectProperty<HotspotRun> currentRunProperty() {
        return currentRun;
    }

    public ObjectProperty<KDistance.Curve> kDistanceProperty() {
        return kDistance;
    }

    public ObservableList<String> comparison() {
        return comparison;
    }

    public FilterModel filter() {
        return filter;
    }

    /** The shared filter in words, shown above the Run button. */
    public String describeFilter() {
        IncidentFilter f = filterBeforeSelection != null ? filterBeforeSelection : filter.get();
        String window = (f.from() == null ? "all dates" : f.from() + " … " + (f.to() == null ? "" : f.to()));
        if (f.from() == null && f.to() != null) {
            window = "up to " + f.to();
        }
        String categories = f.categories().isEmpty() ? "all categories" : f.categories().size() + " categories";
        String areas = f.areas().isEmpty() ? "all areas" : f.areas().size() + " areas";
        return window + ", " + categories + ", " + areas;
    }

    /** Runs the chosen method on the shared filter in the background; the result replaces the list. */
    public void run() {
        if (running.get()) {
            return;
        }
        IncidentFilter current = filterBeforeSelection != null ? filterBeforeSelection : filter.get();
        RunKind kind = method.get();
        String user = username.get();
        BackgroundTasks.Work<HotspotService.Outcome> work;
        try {
            work = switch (kind) {
                case DBSCAN -> {
                    HotspotParameters.Dbscan p = new HotspotParameters.Dbscan(epsMetres.get(), minPoints.get());
                    yield context -> service.dbscan(current, p, true, user, context);
                }
                case KDE -> {
                    HotspotParameters.Kde p = new HotspotParameters.Kde(kernel.get(), bandwidthMetres.get(),
                            kdeCellMetres.get(), period.get());
                    yield context -> service.kernelDensity(current, p, true, user, context);
                }
                case GISTAR -> {
                    String areaKind = giAreaKind.get() == null || giAreaKind.get().isBlank() ? null : giAreaKind.get().trim();
                    HotspotParameters.GiStar p = areaKind == null ? HotspotParameters.GiStar.grid(giCellMetres.get())
                            : HotspotParameters.GiStar.areas(areaKind);
                    yield context -> service.giStar(current, p, true, user, context);
                }
            };
        } catch (IllegalArgumentException invalid) {
            status.set(invalid.getMessage());
            return;
        }
        running.set(true);
        status.set("Running " + kind.title() + " on " + describeFilter() + " …");
        task = executor.run(kind.title(), work, outcome -> {
            running.set(false);
            show(outcome.run(), outcome.hotspots());
            status.set(String.format(Locale.ROOT, "%s finished: compute %,d ms (data load %,d ms, projection %,d ms, "
                    + "outlines %,d ms, save %,d ms)", kind.title(), outcome.timing().computeMs(), outcome.timing().loadMs(),
                    outcome.timing().selectMs(), outcome.timing().outlineMs(), outcome.timing().saveMs()));
            loadRuns();
        }, error -> {
            running.set(false);
            status.set(kind.title() + " failed: " + error.getMessage());
        });
    }

    /** Stops the running analysis at its next safe point; a cancelled run stores nothing. */
    public void cancel() {
        if (task != null && running.get()) {
            task.cancel();
            running.set(false);
            status.set("Cancelled; nothing was stored.");
        }
    }

    /** Reads the stored runs, newest first; when nothing is shown yet, the newest run is reopened. */
    public void loadRuns() {
        executor.run("Load hotspot runs", context -> service.runs().list(), list -> {
            runs.setAll(list);
            if (currentRun.get() == null && !list.isEmpty()) {
                open(list.get(0));
            }
        }, error -> status.set("Cannot read stored runs: " + error.getMessage()));
    }

    /** Reopens a stored run: its hotspots replace the list. */
    public void open(HotspotRun run) {
        if (run == null) {
            return;
        }
        executor.run("Open hotspot run", context -> service.hotspots(run.id()), loaded -> {
            show(run, loaded);
            status.set("Reopened run of " + run.startedAt().toString().substring(0, 16).replace('T', ' '));
        }, error -> status.set("Cannot open the run: " + error.getMessage()));
    }

    /** Compares the current run with an earlier stored run. */
    public void compareWith(HotspotRun earlier) {
        HotspotRun later = currentRun.get();
        if (earlier == null || later == null) {
            status.set("Open or run an analysis first, then choose an earlier run to compare with.");
            return;
        }
        executor.run("Compare hotspot runs", context -> service.compare(earlier, later), result -> {
            comparison.clear();
            for (RunComparison.Status s : RunComparison.Status.values()) {
                comparison.add(String.format(Locale.ROOT, "%-6s %d", s.name().toLowerCase(Locale.ROOT), result.count(s)));
            }
            for (RunComparison.Change change : result.changes()) {
                String name = change.later() != null ? change.later().label() : change.earlier().get(0).label();
                comparison.add(String.format(Locale.ROOT, "%-6s %s: %.2f → %.2f incidents/day",
                        change.status().name().toLowerCase(Locale.ROOT), name, change.earlierPerDay(), change.laterPerDay()));
            }
        }, error -> status.set("Cannot compare: " + error.getMessage()));
    }

    /** Computes the k-distance curve for the current min points on the shared filter. */
    public void computeKDistance() {
        IncidentFilter current = filterBeforeSelection != null ? filterBeforeSelection : filter.get();
        int k = minPoints.get();
        executor.run("k-distance", context -> service.kDistance(current, k, context), curve -> {
            kDistance.set(curve);
            status.set(String.format(Locale.ROOT, "k-distance for min points %d: knee at %.0f m (%.0f %% of incidents core there)",
                    k, curve.kneeMetres(), 100 * curve.coreShareAt(curve.kneeMetres())));
        }, error -> status.set("Cannot compute the k-distance curve: " + error.getMessage()));
    }

    /** Uses the knee of the k-distance curve as eps. */
    public void useKnee() {
        KDistance.Curve curve = kDistance.get();
        if (curve != null && Double.isFinite(curve.kneeMetres())) {
            epsMetres.set(Math.round(curve.kneeMetres()));
        }
    }

    private void show(HotspotRun run, List<Hotspot> loaded) {
        selected.set(null);
        currentRun.set(run);
        hotspots.setAll(loaded);
        runSummary.set(String.format(Locale.ROOT, "%s · %,d incidents %s … %s · %s · %d hotspots", run.kind().title(),
                run.rowCount(), run.fromDay(), run.toDay(), run.projection(), loaded.size()) + advice(run, loaded));
    }

    /**
     * DBSCAN parameters that suit a year make one cluster of a whole city over ten years; say so rather than let a
     * city-wide "hotspot" pass for a result.
     */
    static String advice(HotspotRun run, List<Hotspot> hotspots) {
        if (run.kind() != RunKind.DBSCAN || hotspots.isEmpty() || run.rowCount() == 0) {
            return "";
        }
        long largest = hotspots.stream().mapToLong(Hotspot::incidentCount).max().orElse(0);
        double share = (double) largest / run.rowCount();
        return share < 0.5 ? "" : String.format(Locale.ROOT, " · One cluster holds %.0f%% of the incidents: raise min points "
                + "or shorten the period (parameters should grow with the period analysed).", share * 100);
    }

    /** A selected hotspot narrows the shared filter to its extent; clearing the selection restores the filter. */
    private void followSelection(Hotspot hotspot) {
        if (hotspot == null) {
            if (filterBeforeSelection != null) {
                IncidentFilter restore = filterBeforeSelection;
                filterBeforeSelection = null;
                filter.set(restore);
            }
            return;
        }
        if (filterBeforeSelection == null) {
            filterBeforeSelection = filter.get();
        }
        Envelope box = hotspot.geometry().getEnvelopeInternal();
        filter.set(filterBeforeSelection.withSelection(
                new IncidentFilter.BoundingBox(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY())));
    }
}
