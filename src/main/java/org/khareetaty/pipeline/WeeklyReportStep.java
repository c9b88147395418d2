package org.khareetaty.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Map;
import org.khareetaty.common.DataFolder;
import org.khareetaty.common.TaskContext;
import org.khareetaty.common.settings.Settings;
import org.khareetaty.report.IsoWeek;
import org.khareetaty.report.ReportService;
import org.khareetaty.report.WeeklyReportRequest;

/** On the configured weekday, writes last week's CompStat report to exports/reports (once). */
public final class WeeklyReportStep implements PipelineStep {

    private final ReportService reports;
    private final Settings settings;
    private final DataFolder folder;

    public WeeklyReportStep(ReportService reports, Settings settings, DataFolder folder) {
        this.reports = reports;
        this.settings = settings;
        this.folder = folder;
    }

    @Override
    public String name() {
        return "weekly report";
    }

    @Override
    public StepResult run(PipelineContext context, TaskContext task) throws Exception {
        String day = settings.get(PipelineSettings.REPORT_DAY);
        if ("NONE".equals(day) || context.localToday().getDayOfWeek() != DayOfWeek.valueOf(day)) {
            return StepResult.skipped("weekly reports are written on " + day.toLowerCase(java.util.Locale.ROOT));
        }
        IsoWeek week = IsoWeek.of(context.localToday().minusWeeks(1));
        Path target = folder.exports().resolve("reports").resolve("weekly-" + week + ".pdf");
        if (Files.exists(target)) {
            return StepResult.skipped("the report for " + week + " is already at " + target);
        }
        Files.createDirectories(target.getParent());
        reports.writeWeekly(context.principal(), new WeeklyReportRequest(week, List.of(),
                context.principal().reportAuthor(), WeeklyReportRequest.DEFAULT_TOP_HOTSPOTS), target, task);
        return StepResult.ok("wrote " + target, Map.of("file", target.toString()));
    }
}
