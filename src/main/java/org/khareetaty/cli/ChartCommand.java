package org.khareetaty.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.charts.AreaMeasure;
import org.khareetaty.charts.ChartExport;
import org.khareetaty.charts.ChartKind;
import org.khareetaty.charts.ChartOptions;
import org.khareetaty.charts.ChartService;
import org.khareetaty.charts.IncidentChart;
import org.khareetaty.charts.TimeGranularity;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.security.FileProtection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Draws one chart of the chart pane to a PNG or SVG file, without a window. */
@Command(name = "chart", mixinStandardHelpOptions = true,
        description = "Draw a chart to a PNG or SVG file: timeline, stacked, heatmap, areas or categories")
final class ChartCommand extends SessionCommand {

    @Parameters(index = "0", paramLabel = "KIND", description = "timeline, stacked, heatmap, areas or categories")
    String kind;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file, .png or .svg")
    Path out;

    @Option(names = "--width", defaultValue = "1200", description = "Width in pixels (default ${DEFAULT-VALUE})")
    int width;

    @Option(names = "--height", defaultValue = "700", description = "Height in pixels (default ${DEFAULT-VALUE})")
    int height;

    @Option(names = "--by", paramLabel = "PERIOD", description = "Time buckets: DAY, WEEK or MONTH (default: from the dates)")
    TimeGranularity granularity;

    @Option(names = "--top", defaultValue = "8", description = "How many top categories (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--area-kind", paramLabel = "KIND", description = "Areas to compare (default: the agency's areas)")
    String areaKind;

    @Option(names = "--measure", defaultValue = "COUNTS", description = "Area measure: COUNTS, CHANGE or RATE")
    AreaMeasure measure;

    @Mixin
    IncidentFilterOptions filterOptions;

    @Mixin
    EncryptOptions encryption;

    @Override
    protected int run(CliSession session) throws Exception {
        ChartKind chartKind = ChartKind.fromCliName(kind);
        ChartExport.Format.of(out);
        FileProtection protection = encryption.protection();
        ChartService charts = session.services().charts();
        IncidentFilter filter = filterOptions.toFilter(charts.catalog());
        ChartOptions options = new ChartOptions(granularity, top, areaKind, measure);
        IncidentChart chart = charts.build(chartKind, filter, options, TaskContext.NONE);
        Path written = session.services().chartFiles().write(session.principal(), chartKind, filter, chart, out, width,
                height, protection);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("chart", chartKind.cliName());
            result.put("file", written.toAbsolutePath().toString());
            result.put("encrypted", protection.encrypted());
            result.put("width", width);
            result.put("height", height);
            result.put("from", chart.window().from());
            result.put("to", chart.window().to());
            result.put("note", chart.note());
            session.printJson(result);
        } else {
            session.out().printf("%s (%s) written to %s (%d × %d)%n", chartKind.title(), chart.window(), written, width,
                    height);
            if (!chart.note().isEmpty()) {
                session.out().println(chart.note());
            }
        }
        return 0;
    }
}
