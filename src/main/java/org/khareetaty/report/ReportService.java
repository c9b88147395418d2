package org.khareetaty.report;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.khareetaty.analysis.forecast.ForecastService;
import org.khareetaty.common.AppInfo;
import org.khareetaty.map.Basemap;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.report.graphics.ReportCharts;
import org.khareetaty.report.graphics.ReportMapRenderer;
import org.khareetaty.report.pdf.ReportFonts;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.FileProtection;
import org.khareetaty.security.Permission;
import org.khareetaty.security.Principal;
import org.khareetaty.store.Database;

/**
 * The reports of the workstation: computes weekly reports and tactical bulletins and writes them as PDF.
 * Headless: used by the CLI, by the scheduler and (through a view model) by the export dialog. Every PDF
 * written to a file is checked against the REPORT permission and audited once (event REPORT).
 */
public final class ReportService {

    private final WeeklyReportBuilder weeklyBuilder;
    private final BulletinBuilder bulletinBuilder;
    private WeeklyReportWriter weeklyWriter;
    private BulletinWriter bulletinWriter;
    private final AreaDirectory areas;
    private final HotspotRuns hotspotRuns;
    private final AuditLog audit;

    public ReportService(Database database, ForecastService forecasts, Settings settings, Clock clock, AppInfo appInfo,
            AuditLog audit) {
        this.audit = audit;
        this.weeklyBuilder = new WeeklyReportBuilder(database, forecasts, settings, clock, appInfo.version());
        this.bulletinBuilder = new BulletinBuilder(database, settings, clock, appInfo.version());
        this.areas = new AreaDirectory(database);
        this.hotspotRuns = new HotspotRuns(database);
    }

    /** Fonts and renderers are loaded on first use, so CLI commands that make no PDF do not pay for them. */
    private synchronized void loadWriters() {
        if (weeklyWriter == null) {
            ReportFonts fonts = ReportFonts.load();
            ReportCharts charts = new ReportCharts(fonts);
            ReportMapRenderer maps = new ReportMapRenderer(fonts, Basemap.loadBundled());
            weeklyWriter = new WeeklyReportWriter(fonts, charts, maps);
            bulletinWriter = new BulletinWriter(fonts, charts, maps);
        }
    }

    public AreaDirectory areas() {
        return areas;
    }

    public HotspotRuns hotspotRuns() {
        return hotspotRuns;
    }

    public WeeklyReport weekly(WeeklyReportRequest request, TaskContext context) {
        return weeklyBuilder.build(request, context);
    }

    public byte[] weeklyPdf(WeeklyReport report) {
        loadWriters();
        return weeklyWriter.write(report);
    }

    /** Computes and writes a weekly report (audited); returns the report that was written. */
    public WeeklyReport writeWeekly(Principal actor, WeeklyReportRequest request, Path target, TaskContext context) {
        return writeWeekly(actor, request, target, FileProtection.NONE, context);
    }

    /** As above, encrypted when {@code protection} says so (the file is then {@code protection.target(target)}). */
    public WeeklyReport writeWeekly(Principal actor, WeeklyReportRequest request, Path target, FileProtection protection,
            TaskContext context) {
        return writeAudited(actor, target, protection, context, () -> {
            WeeklyReport report = weekly(request, context);
            context.progress(8, 9, "Writing PDF");
            return report;
        }, this::weeklyPdf, ReportService::describe);
    }

    /** Builds a report, writes its PDF (encrypted on request) and audits it as one REPORT record. */
    private <T> T writeAudited(Principal actor, Path target, FileProtection protection, TaskContext context,
            Supplier<T> build, Function<T, byte[]> pdf, Function<T, String> description) {
        return audit.audited(actor, Permission.REPORT, "REPORT", protection.target(target).toAbsolutePath().toString(), () -> {
            T report = build.get();
            context.checkCancelled();
            ReportFiles.write(target, protection, pdf.apply(report));
            return report;
        }, report -> description.apply(report) + protection.auditNote());
    }

    /**
     * Writes a PDF that was already made and previewed (the export dialog), encrypted when {@code protection} says
     * so, audited with its description; returns the file written.
     */
    public Path save(Principal actor, byte[] pdf, String description, Path target, FileProtection protection) {
        Path written = protection.target(target);
        audit.audited(actor, Permission.REPORT, "REPORT", written.toAbsolutePath().toString(), () -> {
            ReportFiles.write(target, protection, pdf);
            return written;
        }, file -> description + protection.auditNote());
        return written;
    }

    /** What the audit log says about a weekly report: which week, which areas, how many incidents. */
    public static String describe(WeeklyReport report) {
        return "weekly report " + report.week() + (report.areas().isEmpty() ? ", all areas"
                : ", " + report.areas().size() + " area(s)") + ", " + report.total().current() + " incidents";
    }

    /** What the audit log says about a bulletin: its title and how many incidents it covers. */
    public static String describe(Bulletin bulletin) {
        return "bulletin '" + bulletin.title() + "', " + bulletin.profile().total() + " incidents";
    }

    public Bulletin bulletin(BulletinRequest request, TaskContext context) {
        return bulletinBuilder.build(request, context);
    }

    public byte[] bulletinPdf(Bulletin bulletin) {
        loadWriters();
        return bulletinWriter.write(bulletin);
    }

    /** Computes and writes a tactical bulletin (audited). */
    public Bulletin writeBulletin(Principal actor, BulletinRequest request, Path target, TaskContext context) {
        return writeBulletin(actor, request, target, FileProtection.NONE, context);
    }

    /** As above, encrypted when {@code protection} says so (the file is then {@code protection.target(target)}). */
    public Bulletin writeBulletin(Principal actor, BulletinRequest request, Path target, FileProtection protection,
            TaskContext context) {
        return writeAudited(actor, target, protection, context, () -> bulletin(request, context), this::bulletinPdf,
                ReportService::describe);
    }
}
