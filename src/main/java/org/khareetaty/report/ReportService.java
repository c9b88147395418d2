package org.khareetaty.report;

import java.nio.file.Path;
import java.time.Clock;
import org.khareetaty.analysis.forecast.ForecastService;
import org.khareetaty.common.AppInfo;
import org.khareetaty.map.Basemap;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.report.graphics.ReportCharts;
import org.khareetaty.report.graphics.ReportMapRenderer;
import org.khareetaty.report.pdf.ReportFonts;
import org.khareetaty.store.Database;

/**
 * The reports of the workstation: computes weekly reports and tactical bulletins and writes them as PDF.
 * Headless: used by the CLI, by the scheduler and (through a view model) by the export dialog.
 */
public final class ReportService {

    private final WeeklyReportBuilder weeklyBuilder;
    private final BulletinBuilder bulletinBuilder;
    private WeeklyReportWriter weeklyWriter;
    private BulletinWriter bulletinWriter;
    private final AreaDirectory areas;
    private final HotspotRuns hotspotRuns;

    public ReportService(Database database, ForecastService forecasts, Settings settings, Clock clock, AppInfo appInfo) {
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

    /** Computes and writes a weekly report; returns the report that was written. */
    public WeeklyReport writeWeekly(WeeklyReportRequest request, Path target, TaskContext context) {
        WeeklyReport report = weekly(request, context);
        context.checkCancelled();
        context.progress(8, 9, "Writing PDF");
        ReportFiles.write(target, weeklyPdf(report));
        return report;
    }

    public Bulletin bulletin(BulletinRequest request, TaskContext context) {
        return bulletinBuilder.build(request, context);
    }

    public byte[] bulletinPdf(Bulletin bulletin) {
        loadWriters();
        return bulletinWriter.write(bulletin);
    }

    public Bulletin writeBulletin(BulletinRequest request, Path target, TaskContext context) {
        Bulletin bulletin = bulletin(request, context);
        context.checkCancelled();
        ReportFiles.write(target, bulletinPdf(bulletin));
        return bulletin;
    }
}
