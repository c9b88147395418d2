package org.khareetaty.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.khareetaty.common.TaskContext;
import org.khareetaty.report.AreaRef;
import org.khareetaty.report.IsoWeek;
import org.khareetaty.report.ReportService;
import org.khareetaty.report.WeeklyReport;
import org.khareetaty.report.WeeklyReportRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Times the weekly report end to end (queries, charts, map, PDF, file) as {@code report weekly} runs it.
 * The first run includes class loading and font/basemap loading, as a fresh CLI process would.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Time writing the weekly report PDF (issue 9: one week on the full database in <= 5 s)")
final class BenchReportCommand extends SessionCommand {

    @Option(names = "--week", defaultValue = "2025-W10", paramLabel = "YYYY-Www", description = "ISO week (default 2025-W10)")
    String week;

    @Option(names = "--area", paramLabel = "AREA", description = "Limit to an area (repeatable)")
    List<String> areas = new ArrayList<>();

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N", description = "Runs (default 3)")
    int repeat;

    @Override
    protected int run(CliSession session) throws Exception {
        if (repeat < 1 || repeat > 50) {
            throw new IllegalArgumentException("--repeat must be from 1 to 50");
        }
        ReportService reports = session.services().reports();
        List<AreaRef> resolved = areas.stream().map(a -> reports.areas().resolve(a)).toList();
        WeeklyReportRequest request = new WeeklyReportRequest(IsoWeek.parse(week), resolved, "benchmark",
                WeeklyReportRequest.DEFAULT_TOP_HOTSPOTS);
        Path out = Files.createTempFile("khareetaty-bench-", ".pdf");
        List<Long> millis = new ArrayList<>();
        WeeklyReport report = null;
        try {
            for (int i = 0; i < repeat; i++) {
                long started = System.nanoTime();
                report = reports.writeWeekly(session.principal(), request, out, TaskContext.NONE);
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            long size = Files.size(out);
            List<Long> sorted = millis.stream().sorted().toList();
            long median = sorted.get(sorted.size() / 2);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("week", request.week().toString());
                result.put("rowsInDatabase", report.provenance().totalRows());
                result.put("incidentsInWeek", report.total().current());
                result.put("runsMs", millis);
                result.put("firstMs", millis.get(0));
                result.put("medianMs", median);
                result.put("queryMs", report.provenance().queryMillis());
                result.put("pdfBytes", size);
                session.printJson(result);
            } else {
                session.out().printf("Weekly report %s on %,d incidents (%,d in the week): runs %s ms; first %,d ms, "
                        + "median %,d ms (queries of the last run %,d ms); PDF %,d bytes%n", request.week(),
                        report.provenance().totalRows(), report.total().current(), millis, millis.get(0), median,
                        report.provenance().queryMillis(), size);
            }
            return 0;
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
