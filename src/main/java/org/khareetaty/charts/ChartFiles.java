package org.khareetaty.charts;

import java.nio.file.Path;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.FileProtection;
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
        write(actor, kind, filter, chart, file, width, height, FileProtection.NONE);
    }

    /** As above, encrypted when {@code protection} says so; returns the file written ({@code protection.target(file)}). */
    public Path write(Principal actor, ChartKind kind, IncidentFilter filter, IncidentChart chart, Path file, int width,
            int height, FileProtection protection) {
        ChartExport.Format format = ChartExport.Format.of(file);
        Path written = protection.target(file);
        audit.audited(actor, Permission.REPORT, "EXPORT", written.toAbsolutePath().toString(),
                () -> protection.writeAtomically(file, out -> {
                    ChartExport.write(chart.chart(), out, format, width, height);
                    return written;
                }), done -> kind.cliName() + " chart as " + format + " " + width + "x" + height + " (" + filter.summary()
                        + ", " + chart.window() + ")" + protection.auditNote());
        return written;
    }
}
