package org.khareetaty.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.khareetaty.analysis.forecast.CountBacktestResult;
import org.khareetaty.analysis.forecast.ForecastService;
import org.khareetaty.analysis.forecast.ForecastSettings;
import org.khareetaty.analysis.forecast.MethodScore;
import org.khareetaty.common.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Honest backtests of the forecasts against simple baselines. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Backtest forecasts against simple baselines",
        subcommands = {BacktestCommand.Counts.class, HotspotBacktestCommand.class})
final class BacktestCommand {

    /** Rolling-origin backtest of count forecasts beside the seasonal naive forecast. */
    @Command(name = "counts", mixinStandardHelpOptions = true,
            description = "Rolling-origin backtest of daily count forecasts: MASE, MAE and interval coverage, "
                    + "beside the seasonal naive forecast")
    static final class Counts extends SessionCommand {

        @Option(names = "--by", defaultValue = "district", paramLabel = "KIND",
                description = "Area kind or 'agency'; the whole agency is always included (default: ${DEFAULT-VALUE})")
        String by;

        @Option(names = "--group", paramLabel = "GROUP", description = "Only incidents of this category group")
        String group;

        @Option(names = "--origins", required = true, paramLabel = "FROM..TO",
                description = "Monthly origins, e.g. 2025-01-01..2025-12-01 (the day of month of FROM is kept), "
                        + "or a comma-separated list of dates")
        String origins;

        @Option(names = "--horizons", defaultValue = "7,28", split = ",", paramLabel = "H",
                description = "Horizons in days, scored on the first H days of each forecast (default: ${DEFAULT-VALUE})")
        int[] horizons;

        @Option(names = "--training-days", paramLabel = "DAYS",
                description = "Days of history before each origin to fit on (default: the forecast.trainingDays setting)")
        Integer trainingDays;

        @Override
        protected int run(CliSession session) {
            ForecastService service = session.services().forecasts();
            int training = trainingDays != null ? trainingDays
                    : session.services().settings().get(ForecastSettings.TRAINING_DAYS);
            long started = System.nanoTime();
            CountBacktestResult result = service.backtestCounts(new ForecastService.BacktestRequest(by, group,
                    parseOrigins(origins), horizons, training, null), TaskContext.NONE);
            long totalMs = (System.nanoTime() - started) / 1_000_000;
            if (json) {
                session.printJson(result);
                return 0;
            }
            PrintWriter out = session.out();
            out.printf("Count backtest: %d series x %d origins (%s .. %s), fit on the previous %d days (run %s)%n",
                    result.seriesLabels().size(), result.origins().size(), result.origins().get(0),
                    result.origins().get(result.origins().size() - 1), result.trainingDays(), result.runId());
            out.printf("%-16s %4s %8s %8s %9s %9s %9s%n", "method", "h", "MASE", "MAE", "cover80", "cover90", "cover95");
            for (MethodScore s : result.overall()) {
                out.printf("%-16s %4d %8.3f %8.3f %9s %9s %9s%n", s.method(), s.horizon(), s.mase(), s.mae(),
                        percent(s.coverage80()), percent(s.coverage90()), percent(s.coverage95()));
            }
            out.printf("Elapsed: %d ms building the daily count matrix, %d ms fitting and scoring (%d ms in all, "
                    + "including storing the run)%n", result.loadMillis(), result.modelMillis(), totalMs);
            return 0;
        }

        private static String percent(Double value) {
            return value == null ? "—" : String.format("%.1f%%", 100 * value);
        }
    }

    /** Parses "FROM..TO" (monthly steps) or "D1,D2,...". */
    static List<LocalDate> parseOrigins(String text) {
        try {
            List<LocalDate> out = new ArrayList<>();
            if (text.contains("..")) {
                String[] parts = text.split("\\.\\.");
                LocalDate from = LocalDate.parse(parts[0].strip());
                LocalDate to = LocalDate.parse(parts[1].strip());
                if (to.isBefore(from)) {
                    throw new IllegalArgumentException("--origins ends (" + to + ") before it starts (" + from + ")");
                }
                for (LocalDate d = from; !d.isAfter(to); d = d.plusMonths(1)) {
                    out.add(d);
                }
            } else {
                for (String part : text.split(",")) {
                    out.add(LocalDate.parse(part.strip()));
                }
            }
            return out;
        } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--origins '" + text + "': expected FROM..TO or a list of dates "
                    + "like 2025-01-01,2025-02-01", e);
        }
    }
}
