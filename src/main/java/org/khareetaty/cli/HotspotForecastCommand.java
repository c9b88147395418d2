package org.khareetaty.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.analysis.forecast.HotspotForecast;
import org.khareetaty.common.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Forecasts next week's risk surface and prints the flagged cells. */
@Command(name = "hotspots", mixinStandardHelpOptions = true,
        description = "Forecast next week's hotspots: a risk surface on a grid and the top cells at each coverage")
final class HotspotForecastCommand extends SessionCommand {

    @Mixin
    HotspotGridOptions grid;

    @Option(names = "--coverage", defaultValue = "1,5", split = ",", paramLabel = "PERCENT",
            description = "Share of the region flagged, in percent (default: ${DEFAULT-VALUE})")
    double[] coverage;

    @Override
    protected int run(CliSession session) {
        HotspotForecast forecast = session.services().hotspotForecasts().forecast(grid.region, grid.cellM, coverage, null,
                TaskContext.NONE);
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("runId", forecast.runId());
            out.put("weekStarting", forecast.origin());
            out.put("cellSizeM", forecast.cellSizeM());
            out.put("cellsInside", forecast.cellsInside());
            out.put("flagged", forecast.flagged());
            session.printJson(out);
            return 0;
        }
        PrintWriter out = session.out();
        out.printf("Hotspot forecast for the week starting %s: %,d cells of %.0f m (run %s)%n", forecast.origin(),
                forecast.cellsInside(), forecast.cellSizeM(), forecast.runId());
        for (HotspotForecast.Flagged flagged : forecast.flagged()) {
            out.printf("%n%.0f%% of the region: %d cells; highest risk first (lon, lat of the cell centre):%n",
                    flagged.coveragePercent(), flagged.cellCentres().size());
            flagged.cellCentres().stream().limit(10).forEach(c -> out.printf("  %.5f, %.5f%n", c[0], c[1]));
            if (flagged.cellCentres().size() > 10) {
                out.printf("  … %d more (use --json for all)%n", flagged.cellCentres().size() - 10);
            }
        }
        return 0;
    }
}
