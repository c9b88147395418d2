package org.khareetaty.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.khareetaty.analysis.hotspot.HotspotBenchmark;
import org.khareetaty.common.TaskContext;
import org.khareetaty.store.IncidentSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench hotspots}: DBSCAN, kernel density and Gi* compute times on the data folder's incidents. */
@Command(name = "hotspots", mixinStandardHelpOptions = true,
        description = "DBSCAN, kernel density and Gi* compute times (median of --repeat runs; loading timed apart)")
final class BenchHotspotsCommand extends SessionCommand {
    @Option(names = "--year", paramLabel = "YEAR", description = "The one-year window (default: the last complete year)")
    Integer year;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Runs per measurement (default ${DEFAULT-VALUE})")
    int repeat;

    @Override
    protected int run(CliSession session) {
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1");
        }
        HotspotBenchmark benchmark = new HotspotBenchmark(session.services().snapshots());
        int window = year != null ? year : lastCompleteYear(session.services().snapshots().current());
        Map<String, Object> report = benchmark.run(window, repeat, TaskContext.NONE);
        if (json) {
            session.printJson(report);
            return 0;
        }
        session.out().printf("%,d incidents loaded into memory in %,d ms; %s processors, max heap %s MB%n",
                report.get("incidents"), report.get("snapshotLoadMs"), report.get("processors"), report.get("maxHeapMb"));
        session.out().printf("%-44s %-9s %10s %9s  %-20s %s%n", "Computation", "Window", "Points", "Median ms", "Runs ms", "Result");
        @SuppressWarnings("unchecked")
        List<HotspotBenchmark.Measurement> measurements = (List<HotspotBenchmark.Measurement>) report.get("measurements");
        for (HotspotBenchmark.Measurement m : measurements) {
            session.out().printf("%-44s %-9s %,10d %9d  %-20s %s%n", m.name(), m.window(), m.points(), m.medianMs(),
                    java.util.Arrays.toString(m.runsMs()), m.result());
        }
        session.out().printf("Heap in use afterwards: %s MB%n", report.get("heapUsedAfterMb"));
        return 0;
    }

    private static int lastCompleteYear(IncidentSnapshot snapshot) {
        LocalDate last = snapshot.lastDay();
        if (last == null) {
            throw new IllegalArgumentException("No incidents in this data folder: import some first");
        }
        return last.getMonthValue() == 12 && last.getDayOfMonth() == 31 ? last.getYear() : last.getYear() - 1;
    }
}
