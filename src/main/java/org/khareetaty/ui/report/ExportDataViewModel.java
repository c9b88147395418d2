package org.khareetaty.ui.report;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.khareetaty.report.export.DataExporter;
import org.khareetaty.report.export.ExportFormat;
import org.khareetaty.security.FileProtection;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FxExecutor;

/** "Export data…": incidents of the current filter, or the latest hotspots, as CSV or GeoJSON. */
public final class ExportDataViewModel {

    /** What is exported. */
    public enum Subject { INCIDENTS, HOTSPOTS }

    private final DataExporter exporter;
    private final Principal principal;
    private final FxExecutor executor;
    private final ReportContext context;
    private final ObjectProperty<Subject> subject = new SimpleObjectProperty<>(Subject.INCIDENTS);
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(ExportFormat.CSV);
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final EncryptionChoice encryption = new EncryptionChoice();

    public ExportDataViewModel(DataExporter exporter, Principal principal, FxExecutor executor, ReportContext context) {
        this.exporter = exporter;
        this.principal = principal;
        this.executor = executor;
        this.context = context;
    }

    /** Writes the export (encrypted when chosen, then named {@code .kenc}) in the background. */
    public void export(Path target) {
        Optional<FileProtection> protection = encryption.protection();
        if (protection.isEmpty()) {
            status.set(encryption.problemProperty().get());
            return;
        }
        Subject what = subject.get();
        ExportFormat as = format.get();
        Path written = protection.get().target(target);
        busy.set(true);
        status.set("Exporting…");
        executor.run("Export " + what.name().toLowerCase(java.util.Locale.ROOT), ctx -> what == Subject.INCIDENTS
                ? exporter.exportIncidents(principal, context.filter(), as, target, protection.get(), ctx)
                : exporter.exportHotspots(principal, null, as, target, protection.get(), ctx), rows -> {
                    busy.set(false);
                    protection.get().clear();
                    if (protection.get().encrypted()) {
                        encryption.clearPassphrase();
                    }
                    status.set(String.format(java.util.Locale.ENGLISH, "Wrote %,d %s to %s%s", rows,
                            what == Subject.INCIDENTS ? "incidents" : "hotspots", written.toAbsolutePath(),
                            protection.get().encrypted() ? " (encrypted)" : ""));
                }, error -> {
                    busy.set(false);
                    status.set("Export failed: " + error.getMessage());
                });
    }

    public String suggestedFileName() {
        return (subject.get() == Subject.INCIDENTS ? "incidents." : "hotspots.") + format.get().extension();
    }

    public EncryptionChoice encryption() {
        return encryption;
    }

    public ReportContext context() {
        return context;
    }

    public ObjectProperty<Subject> subjectProperty() {
        return subject;
    }

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
