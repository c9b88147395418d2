package org.khareetaty.cli;

import org.khareetaty.charts.ChartBenchmark;
import org.khareetaty.charts.ChartKind;
import org.khareetaty.common.TaskContext;
import org.khareetaty.core.CoreServices;
import picocli.CommandLine.Command;

/** {@code khareetaty bench charts}: how long the chart pane takes to redraw after each of 20 filter changes. */
@Command(name = "charts", mixinStandardHelpOptions = true, description = {
    "Redraw all five charts of the chart pane (counted from the in-memory snapshot, built and drawn at pane size, "
            + "in parallel) after each of a fixed sequence of 20 filter changes; prints each redraw and the median."})
final class BenchChartsCommand extends SessionCommand {

    @Override
    protected int run(CliSession session) throws Exception {
        CoreServices services = session.services();
        ChartBenchmark.Result result = new ChartBenchmark(services.interactiveCharts(), services.tasks())
                .run(TaskContext.NONE);
        if (json) {
            session.printJson(result);
            return 0;
        }
        session.out().printf("First load (snapshot into memory and five charts): %,d ms%n", result.snapshotLoadMillis());
        session.out().printf("%-36s %8s", "Filter change", "all (ms)");
        for (ChartKind kind : ChartKind.values()) {
            session.out().printf(" %10s", kind.cliName());
        }
        session.out().println();
        for (ChartBenchmark.Step step : result.steps()) {
            session.out().printf("%-36s %8d", step.change(), step.totalMillis());
            for (ChartKind kind : ChartKind.values()) {
                session.out().printf(" %10d", step.chartMillis().get(kind));
            }
            session.out().println();
        }
        session.out().printf("%-36s %8d", "median", result.medianMillis());
        for (ChartKind kind : ChartKind.values()) {
            session.out().printf(" %10d", result.medianChartMillis().get(kind));
        }
        session.out().println();
        session.out().printf("Slowest redraw: %,d ms; median redraw of all five charts: %,d ms%n", result.maxMillis(),
                result.medianMillis());
        return 0;
    }
}
