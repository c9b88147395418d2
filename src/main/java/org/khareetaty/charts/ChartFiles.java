package org.khareetaty.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;

/**
 * Chart files made for people (the chart pane's export and {@code khareetaty chart}): the REPORT permission is
 * checked and each file is audited once (event EXPORT), whichever front end asked for it.
 */
public final class ChartFiles {

    private final AuditLog audit;

    public ChartFiles(AuditLog audit) {
        this.audit = audit;
    }

    /** Writes {@code chart} (drawn for {@code filter}) as PNG or SVG, by the file's extension. */
    public void write(Principal actor, ChartKind kind, IncidentFilter filter, IncidentChart chart, Path file, int width,
            int height) {
        ChartExport.Format format = ChartExport.Format.of(file);
        audit.audited(actor, Permission.REPORT, "EXPORT", file.toAbsolutePath().toString(), () -> {
            try {
                ChartExport.write(chart.chart(), file, width, height);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the chart to " + file + ": " + e.getMessage(), e);
            }
        }, written -> kind.cliName() + " chart as " + format + " " + width + "x" + height + " (" + filter.summary()
                + ", " + chart.window() + ")");
    }
}
