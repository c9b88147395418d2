package org.khareetaty.ui.report;

import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.khareetaty.report.export.DataExporter;
import org.khareetaty.report.export.ExportFormat;
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

    public ExportDataViewModel(DataExporter exporter, Principal principal, FxExecutor executor, ReportContext context) {
        this.exporter = exporter;
        this.principal = principal;
        this.executor = executor;
        this.context = context;
    }

    public void export(Path target) {
        Subject what = subject.get();
        ExportFormat as = format.get();
        busy.set(true);
        status.set("Exporting…");
        executor.run("Export " + what.name().toLowerCase(java.util.Locale.ROOT), ctx -> what == Subject.INCIDENTS
                ? exporter.exportIncidents(principal, context.filter(), as, target, ctx)
                : exporter.exportHotspots(principal, null, as, target, ctx), rows -> {
                    busy.set(false);
                    status.set(String.format(java.util.Locale.ENGLISH, "Wrote %,d %s to %s", rows,
                            what == Subject.INCIDENTS ? "incidents" : "hotspots", target.toAbsolutePath()));
                }, error -> {
                    busy.set(false);
                    status.set("Export failed: " + error.getMessage());
                });
    }

    public String suggestedFileName() {
        return (subject.get() == Subject.INCIDENTS ? "incidents." : "hotspots.") + format.get().extension();
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
