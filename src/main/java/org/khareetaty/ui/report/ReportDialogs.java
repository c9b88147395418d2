package org.khareetaty.ui.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Window;
import org.khareetaty.report.ReportService;
import org.khareetaty.report.export.DataExporter;
import org.khareetaty.security.Principal;
import org.khareetaty.ui.common.FxExecutor;

/**
 * The small API other panes call: "Export report…" and "Export data…" with their current selection.
 * Built once in the desktop composition root and handed to the map, chart, hotspot and alert panes.
 */
public final class ReportDialogs {

    private final Window owner;
    private final ReportService reports;
    private final DataExporter exporter;
    private final Principal principal;
    private final FxExecutor executor;
    private final ZoneId zone;
    private final Clock clock;

    public ReportDialogs(Window owner, ReportService reports, DataExporter exporter, Principal principal,
            FxExecutor executor, ZoneId zone, Clock clock) {
        this.owner = owner;
        this.principal = principal;
        this.reports = reports;
        this.executor = executor;
        this.exporter = exporter;
        this.zone = zone;
        this.clock = clock;
    }

    /** Opens "Export report…" with a weekly report or a bulletin proposed from {@code context}. */
    public void exportReport(ReportContext context) {
        ExportReportDialog.show(owner, new ExportReportViewModel(reports, principal, executor, context, zone,
                LocalDate.now(clock.withZone(zone)), image -> SwingFXUtils.toFXImage(image, null)));
    }

    /** Opens "Export data…" for the incidents of {@code context}'s filter or the latest hotspots. */
    public void exportData(ReportContext context) {
        ExportDataDialog.show(owner, new ExportDataViewModel(exporter, principal, executor, context));
    }
}
