package org.khareetaty.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.analysis.forecast.ForecastPoint;
import org.khareetaty.analysis.forecast.ForecastRun;
import org.khareetaty.analysis.forecast.ForecastService;
import org.khareetaty.analysis.forecast.SeriesForecast;
import org.khareetaty.common.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Forecasts daily and weekly incident counts per area with 80% and 95% intervals, and stores the run. */
@Command(name = "forecast", mixinStandardHelpOptions = true,
        description = "Forecast incident counts per area (and for the whole agency) with 80%% and 95%% intervals",
        subcommands = HotspotForecastCommand.class)
final class ForecastCommand extends SessionCommand {

    @Option(names = "--by", defaultValue = "district", paramLabel = "KIND",
            description = "Area kind (district, governorate, ...) or 'agency' (default: ${DEFAULT-VALUE})")
    String by;

    @Option(names = "--group", paramLabel = "GROUP", description = "Only incidents of this category group")
    String group;

    @Option(names = "--horizon", defaultValue = "28", paramLabel = "DAYS", description = "Days ahead, 1-28 (default: ${DEFAULT-VALUE})")
    int horizon;

    @Option(names = "--days", defaultValue = "7", paramLabel = "N", description = "Daily rows to print per series (default: ${DEFAULT-VALUE})")
    int printDays;

    @Override
    protected int run(CliSession session) {
        ForecastService service = session.services().forecasts();
        ForecastRun run = service.forecast(new ForecastService.Request(by, group, horizon, null), TaskContext.NONE);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("runId", run.runId());
            out.put("by", run.byKind());
            out.put("categoryGroup", run.categoryGroup());
            out.put("trainingFrom", run.trainingFrom());
            out.put("trainingTo", run.trainingTo());
            out.put("origin", run.origin());
            out.put("horizonDays", run.horizonDays());
            out.put("elapsedMs", run.elapsedMs());
            out.put("series", run.series());
            session.printJson(out);
            return 0;
        }
        PrintWriter out = session.out();
        out.printf("Forecast from %s, fitted on %s to %s, %d series, %d ms (run %s)%n", run.origin(), run.trainingFrom(),
                run.trainingTo(), run.series().size(), run.elapsedMs(), run.runId());
        for (SeriesForecast forecast : run.series()) {
            out.printf("%n%s%n  %-10s %-5s %8s %15s %15s%n", forecast.series().label(), "day", "", "forecast", "80%", "95%");
            forecast.daily().stream().limit(printDays).forEach(p -> print(out, p));
            forecast.weekly().forEach(p -> print(out, p));
        }
        return 0;
    }

    private static void print(PrintWriter out, ForecastPoint p) {
        out.printf("  %-10s %-5s %8.0f %15s %15s%n", p.periodStart(), p.period() == ForecastPoint.Period.WEEK ? "week" : "",
                p.point(), String.format("%.0f–%.0f", p.lower80(), p.upper80()),
                String.format("%.0f–%.0f", p.lower95(), p.upper95()));
    }
}
