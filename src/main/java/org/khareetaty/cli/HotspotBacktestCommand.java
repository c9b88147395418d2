package org.khareetaty.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import org.khareetaty.analysis.forecast.HotspotBacktest;
import org.khareetaty.analysis.forecast.HotspotBacktestResult;
import org.khareetaty.analysis.forecast.HotspotForecastService;
import org.khareetaty.common.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Weekly backtest of hotspot forecasts beside prior counts and a Gaussian KDE. */
@Command(name = "hotspots", mixinStandardHelpOptions = true,
        description = "Weekly backtest of the hotspot forecast: PAI and PEI* at each coverage, beside prior counts "
                + "(last 28 days) and a Gaussian KDE (last 365 days)")
final class HotspotBacktestCommand extends SessionCommand {

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First weekly origin, e.g. 2025-01-01")
    LocalDate from;

    @Option(names = "--weeks", defaultValue = "52", paramLabel = "N", description = "Number of weekly origins (default: ${DEFAULT-VALUE})")
    int weeks;

    @Mixin
    HotspotGridOptions grid;

    @Option(names = "--coverage", defaultValue = "1,5,10", split = ",", paramLabel = "PERCENT",
            description = "Share of the region flagged, in percent (default: ${DEFAULT-VALUE})")
    double[] coverage;

    @Override
    protected int run(CliSession session) {
        long started = System.nanoTime();
        HotspotBacktestResult result = session.services().hotspotForecasts().backtest(
                new HotspotForecastService.BacktestRequest(grid.region, from, weeks, grid.cellM, coverage, null), TaskContext.NONE);
        long totalMs = (System.nanoTime() - started) / 1_000_000;
        if (json) {
            session.printJson(result);
            return 0;
        }
        PrintWriter out = session.out();
        out.printf("Hotspot backtest: %d weekly origins from %s, %.0f m cells (%,d inside the %s polygons), "
                + "%,d located incidents (run %s)%n", result.weeks(), result.firstOrigin(), result.cellSizeM(),
                result.cellsInside(), result.regionKind(), result.incidents(), result.runId());
        out.printf("%-18s %9s %8s %8s %9s%n", "method", "coverage", "PAI", "PEI*", "hit rate");
        for (HotspotBacktest.Score s : result.scores()) {
            out.printf("%-18s %8.0f%% %8.2f %8.3f %8.1f%%%n", s.method(), s.coveragePercent(), s.pai(), s.pei(),
                    100 * s.hitRate());
        }
        out.printf("Elapsed: %d ms building the grid and events, %d ms scoring (%d ms in all, including storing)%n",
                result.loadMillis(), result.modelMillis(), totalMs);
        return 0;
    }
}
