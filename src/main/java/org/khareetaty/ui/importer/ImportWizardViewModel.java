package org.khareetaty.ui.importer;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.khareetaty.common.BackgroundTasks;
import org.khareetaty.ingest.ImportPreview;
import org.khareetaty.ingest.ImportReport;
import org.khareetaty.ingest.ImportService;
import org.khareetaty.ingest.MappingProfile;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The import wizard: files in (chooser or drop), a preview of the first rows as parsed, a mapping editor
 * whose every change recounts how many of the first rows would be quarantined, profile save/load, and a
 * run with progress, cancel and a summary with the quality gate. All reading runs on background tasks.
 */
public final class ImportWizardViewModel {

    static final int PREVIEW_ROWS = 5000;
    /** The choice meaning "this column is not in the file". */
    public static final String NONE = "(none)";

    private final ImportService imports;
    private final Principal principal;
    private final FxExecutor executor;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnTypes = FXCollections.observableArrayList();
    private final ObservableList<List<String>> previewRows = FXCollections.observableArrayList();
    private final ObservableList<String> profileNames = FXCollections.observableArrayList();
    private final StringProperty format = new SimpleStringProperty("");
    private final StringProperty idColumn = new SimpleStringProperty(NONE);
    private final StringProperty dateTimeColumn = new SimpleStringProperty(NONE);
    private final StringProperty dateColumn = new SimpleStringProperty(NONE);
    private final StringProperty timeColumn = new SimpleStringProperty(NONE);
    private final StringProperty categoryColumn = new SimpleStringProperty(NONE);
    private final StringProperty addressColumn = new SimpleStringProperty(NONE);
    private final ObjectProperty<MappingProfile.LocationKind> locationKind = new SimpleObjectProperty<>(MappingProfile.LocationKind.NONE);
    private final StringProperty xColumn = new SimpleStringProperty(NONE);
    private final StringProperty yColumn = new SimpleStringProperty(NONE);
    private final StringProperty geometryColumn = new SimpleStringProperty(NONE);
    private final StringProperty epsg = new SimpleStringProperty("4326");
    private final StringProperty timeZone = new SimpleStringProperty("Asia/Kuwait");
    private final StringProperty profileName = new SimpleStringProperty("");
    private final StringProperty quarantineEstimate = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Choose or drop incident files (CSV/TSV, .gz, GeoJSON, Shapefile).");
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty qualityWarning = new SimpleBooleanProperty(false);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty canRun = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObjectProperty<ImportReport> report = new SimpleObjectProperty<>();
    private MappingProfile base;
    private BackgroundTasks.RunningTask<ImportReport> task;
    private boolean applying;
    private long previewGeneration;

    public ImportWizardViewModel(ImportService imports, Principal principal, FxExecutor executor) {
        this.imports = imports;
        this.principal = principal;
        this.executor = executor;
        for (StringProperty property : List.of(idColumn, dateTimeColumn, dateColumn, timeColumn, categoryColumn,
                addressColumn, xColumn, yColumn, geometryColumn, epsg, timeZone)) {
            property.addListener((obs, old, now) -> mappingEdited());
        }
        locationKind.addListener((obs, old, now) -> mappingEdited());
        refreshProfiles();
    }

    public ObservableList<Path> files() {
        return files;
    }

    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<String> columnTypes() {
        return columnTypes;
    }

    public ObservableList<List<String>> previewRows() {
        return previewRows;
    }

    public ObservableList<String> profileNames() {
        return profileNames;
    }

    public StringProperty formatProperty() {
        return format;
    }

    public StringProperty idColumnProperty() {
        return idColumn;
    }

    public StringProperty dateTimeColumnProperty() {
        return dateTimeColumn;
    }

    public StringProperty dateColumnProperty() {
        return dateColumn;
    }

    public StringProperty timeColumnProperty() {
        return timeColumn;
    }

    public StringProperty categoryColumnProperty() {
        return categoryColumn;
    }

    public StringProperty addressColumnProperty() {
        return addressColumn;
    }

    public ObjectProperty<MappingProfile.LocationKind> locationKindProperty() {
        return locationKind;
    }

    public StringProperty xColumnProperty() {
        return xColumn;
    }

    public StringProperty yColumnProperty() {
        return yColumn;
    }

    public StringProperty geometryColumnProperty() {
        return geometryColumn;
    }

    public StringProperty epsgProperty() {
        return epsg;
    }

    public StringProperty timeZoneProperty() {
        return timeZone;
    }

    public StringProperty profileNameProperty() {
        return profileName;
    }

    public StringProperty quarantineEstimateProperty() {
        return quarantineEstimate;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty qualityWarningProperty() {
        return qualityWarning;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty canRunProperty() {
        return canRun;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public ObjectProperty<ImportReport> reportProperty() {
        return report;
    }

    /** Adds files (from the chooser or a drop) and previews the first one. */
    public void addFiles(List<File> chosen) {
        for (File file : chosen) {
            Path path = file.toPath().toAbsolutePath().normalize();
            if (!files.contains(path)) {
                files.add(path);
            }
        }
        if (!files.isEmpty()) {
            preview(null);
        }
    }

    public void clearFiles() {
        files.clear();
        columns.clear();
        columnTypes.clear();
        previewRows.clear();
        canRun.set(false);
        base = null;
        status.set("Choose or drop incident files (CSV/TSV, .gz, GeoJSON, Shapefile).");
    }

    /** Loads a saved or shipped profile into the editor and previews with it. */
    public void loadProfile(String name) {
        executor.run("Load mapping profile", context -> imports.profiles().get(name), profile -> {
            profileName.set(name);
            preview(profile);
        }, error -> status.set(error.getMessage()));
    }

    /** Saves the mapping as edited under the profile name. */
    public void saveProfile() {
        String name = profileName.get() == null ? "" : profileName.get().strip();
        if (name.isEmpty()) {
            status.set("Type a name for the profile first.");
            return;
        }
        MappingProfile mapping = currentMapping().withName(name);
        executor.run("Save mapping profile", context -> {
            imports.profiles().save(mapping);
            return imports.profiles().names();
        }, names -> {
            profileNames.setAll(names);
            status.set("Profile '" + name + "' saved.");
        }, error -> status.set("Cannot save the profile: " + error.getMessage()));
    }

    private void refreshProfiles() {
        executor.run("List mapping profiles", context -> imports.profiles().names(), profileNames::setAll,
                error -> status.set("Cannot list profiles: " + error.getMessage()));
    }

    private void preview(MappingProfile mapping) {
        if (files.isEmpty()) {
            return;
        }
        Path first = files.get(0);
        long generation = ++previewGeneration;
        quarantineEstimate.set("Reading the first rows…");
        executor.run("Preview " + first.getFileName(), context -> imports.preview(first, mapping, PREVIEW_ROWS), result -> {
            if (generation == previewGeneration) {
                show(result, mapping == null);
            }
        }, error -> {
            quarantineEstimate.set("");
            status.set(error.getMessage());
            canRun.set(false);
        });
    }

    private void show(ImportPreview result, boolean applyMapping) {
        format.set(result.fileName() + ": " + result.format());
        if (applyMapping || base == null) {
            columns.setAll(result.header());
            columnTypes.setAll(result.columnTypes());
            previewRows.setAll(result.rows());
        }
        if (applyMapping || base == null || !result.mapping().equals(currentMapping())) {
            apply(result.mapping());
        }
        if (!result.problems().isEmpty()) {
            quarantineEstimate.set(String.join(" ", result.problems()));
            canRun.set(false);
            status.set("Complete the mapping to import.");
            return;
        }
        Map<String, Long> reasons = result.wouldQuarantine();
        StringBuilder text = new StringBuilder(String.format("Of the first %,d rows: %,d accepted, %,d would be quarantined",
                result.sampledRows(), result.accepted(), result.quarantinedTotal()));
        if (!reasons.isEmpty()) {
            text.append(" (");
            reasons.forEach((reason, count) -> text.append(reason).append(' ').append(String.format("%,d", count)).append(", "));
            text.setLength(text.length() - 2);
            text.append(')');
        }
        long located = result.accepted() == 0 ? 0 : result.located() * 100 / result.accepted();
        text.append(String.format("; %d%% located.", located));
        quarantineEstimate.set(text.toString());
        canRun.set(!running.get());
        status.set(files.size() + " file(s) ready to import with mapping '" + result.mapping().name() + "'.");
    }

    private void apply(MappingProfile mapping) {
        applying = true;
        try {
            base = mapping;
            idColumn.set(orNone(mapping.idColumn()));
            dateTimeColumn.set(orNone(mapping.dateTimeColumn()));
            dateColumn.set(orNone(mapping.dateColumn()));
            timeColumn.set(orNone(mapping.timeColumn()));
            categoryColumn.set(orNone(mapping.categoryColumn()));
            addressColumn.set(orNone(mapping.addressColumn()));
            MappingProfile.Location location = mapping.location() == null ? MappingProfile.Location.none() : mapping.location();
            locationKind.set(location.kind());
            xColumn.set(orNone(location.xColumn()));
            yColumn.set(orNone(location.yColumn()));
            geometryColumn.set(orNone(location.geometryColumn()));
            epsg.set(location.epsg() == null ? "4326" : String.valueOf(location.epsg()));
            timeZone.set(mapping.timeZone() == null ? timeZone.get() : mapping.timeZone());
            if (profileName.get() == null || profileName.get().isBlank()) {
                profileName.set(mapping.name());
            }
        } finally {
            applying = false;
        }
    }

    private void mappingEdited() {
        if (applying || base == null) {
            return;
        }
        preview(currentMapping());
    }

    /** The mapping as the editor shows it now. */
    public MappingProfile currentMapping() {
        MappingProfile start = base == null ? new MappingProfile("custom", null, null, null, null, null, null, null, null,
                timeZone.get(), MappingProfile.Location.none(), null, null, null) : base;
        Integer code;
        try {
            code = Integer.valueOf(epsg.get().strip());
        } catch (NumberFormatException e) {
            code = null;
        }
        MappingProfile.Location location = new MappingProfile.Location(locationKind.get(), value(xColumn), value(yColumn),
                value(geometryColumn), code);
        String name = profileName.get() == null || profileName.get().isBlank() ? start.name() : profileName.get().strip();
        return start.withColumns(value(idColumn), value(dateTimeColumn), value(dateColumn), value(timeColumn), location,
                value(categoryColumn), value(addressColumn)).withTimeZone(timeZone.get()).withName(name);
    }

    private static String value(StringProperty property) {
        String v = property.get();
        return v == null || v.equals(NONE) || v.isBlank() ? null : v;
    }

    private static String orNone(String column) {
        return column == null ? NONE : column;
    }

    /** Imports all files with the mapping as edited, as one batch. */
    public void run() {
        if (files.isEmpty() || running.get()) {
            return;
        }
        List<Path> paths = List.copyOf(files);
        MappingProfile mapping = currentMapping();
        running.set(true);
        canRun.set(false);
        progress.set(0);
        summary.set("");
        status.set("Importing " + paths.size() + " file(s)…");
        task = executor.run("Import " + paths.size() + " file(s)", context -> imports.importFiles(principal, paths, mapping, context),
                this::finished, error -> {
                    running.set(false);
                    canRun.set(true);
                    status.set("Import failed: " + error.getMessage());
                });
    }

    /** Called by the view's progress poll (UI thread): the running task's fraction done, or its cancellation. */
    public void pollProgress() {
        BackgroundTasks.RunningTask<ImportReport> current = task;
        if (current != null && running.get() && current.state() == BackgroundTasks.RunningTask.State.CANCELLED) {
            running.set(false);
            canRun.set(true);
            progress.set(0);
            status.set("Import cancelled: nothing of it was stored.");
        } else if (current != null && running.get()) {
            progress.set(Math.max(0, current.fraction()));
            if (!current.message().isEmpty()) {
                status.set(current.message());
            }
        }
    }

    public void cancel() {
        if (task != null) {
            task.cancel();
            status.set("Cancelling…");
        }
    }

    private void finished(ImportReport result) {
        running.set(false);
        canRun.set(true);
        progress.set(1);
        report.set(result);
        qualityWarning.set(result.qualityWarning());
        StringBuilder text = new StringBuilder();
        text.append(String.format("Rows read: %,d%nAccepted: %,d%nQuarantined: %,d%n", result.rowsRead(), result.accepted(),
                result.quarantined()));
        result.quarantinedByReason().forEach((reason, count) -> text.append(String.format("    %s: %,d%n", reason, count)));
        text.append(String.format("Duplicates: %,d%nLocated: %,d (%.1f%%)%nTime: %,.1f s (%,.0f rows/s)%n", result.duplicates(),
                result.located(), result.locatedShare() * 100, result.elapsedMs() / 1000.0, result.rowsPerSecond()));
        text.append(result.qualityMessage());
        summary.set(text.toString());
        status.set("Import complete: batch " + result.batchId());
    }
}
