package org.khareetaty.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.khareetaty.analysis.hotspot.GridExport;
import org.khareetaty.analysis.hotspot.GridSurface;
import org.khareetaty.analysis.hotspot.Hotspot;
import org.khareetaty.analysis.hotspot.HotspotParameters;
import org.khareetaty.analysis.hotspot.HotspotProfile;
import org.khareetaty.analysis.hotspot.HotspotRun;
import org.khareetaty.analysis.hotspot.HotspotService;
import org.khareetaty.analysis.hotspot.KDistance;
import org.khareetaty.analysis.hotspot.KernelDensity;
import org.khareetaty.analysis.hotspot.MetricProjection;
import org.khareetaty.analysis.hotspot.RunComparison;
import org.khareetaty.common.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Hotspot analyses from the command line: DBSCAN, kernel density, Gi*, stored runs and comparisons. */
@Command(name = "hotspots", mixinStandardHelpOptions = true,
        description = "Hotspots in metres: DBSCAN clusters, kernel density, Getis-Ord Gi*; stored runs",
        subcommands = {
            HotspotsCommand.DbscanCommand.class,
            HotspotsCommand.KdeCommand.class,
            HotspotsCommand.GiStarCommand.class,
            HotspotsCommand.KDistanceCommand.class,
            HotspotsCommand.RunsCommand.class,
            HotspotsCommand.ShowCommand.class,
            HotspotsCommand.CompareCommand.class,
        })
final class HotspotsCommand {

    /** Options every analysis shares. */
    abstract static class AnalysisCommand extends SessionCommand {
        @Mixin
        IncidentFilterOptions filter;

        @Option(names = "--no-save", description = "Do not store the run (by default it is stored for `hotspots runs`)")
        boolean noSave;

        @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Hotspots to list (default ${DEFAULT-VALUE})")
        int top;

        void print(CliSession session, HotspotService.Outcome outcome, List<String> headline) {
            HotspotRun run = outcome.run();
            if (json) {
                Map<String, Object> out = runJson(run);
                out.put("timing", outcome.timing());
                out.put("saved", outcome.saved());
                out.put("topHotspots", outcome.hotspots().stream().limit(top).map(HotspotsCommand::hotspotJson).toList());
                session.printJson(out);
                return;
            }
            PrintWriter out = session.out();
            headline.forEach(out::println);
            out.printf("Data: %,d located incidents, %s … %s%s%n", run.rowCount(), run.fromDay(), run.toDay(),
                    ((Number) run.summary().getOrDefault("outliers", 0)).intValue() > 0
                            ? String.format(" (%s far outside the rest; kept in the analysis)", run.summary().get("outliers")) : "");
            out.println("Projection: " + run.projection());
            HotspotService.Timing t = outcome.timing();
            out.printf("Compute %,d ms (excluding: data load %,d ms, filter and projection %,d ms, outlines %,d ms, save %,d ms)%n",
                    t.computeMs(), t.loadMs(), t.selectMs(), t.outlineMs(), t.saveMs());
            printHotspots(out, outcome.hotspots(), top);
            out.println(outcome.saved() ? "Stored as run " + run.id() : "Not stored (--no-save)");
        }
    }

    @Command(name = "dbscan", mixinStandardHelpOptions = true,
            description = "Density-based clusters: a point is core when ≥ min-points incidents (itself included) lie within eps metres")
    static final class DbscanCommand extends AnalysisCommand {
        @Option(names = "--eps-m", required = true, paramLabel = "METRES", description = "Neighbourhood radius in metres")
        double eps;

        @Option(names = "--min-points", required = true, paramLabel = "N",
                description = "Incidents within eps (the point itself included) that make a core point")
        int minPoints;

        @Override
        protected int run(CliSession session) {
            HotspotService.Outcome outcome = session.services().hotspots().dbscan(filter.toFilter(session.services().charts().catalog()),
                    new HotspotParameters.Dbscan(eps, minPoints), !noSave, null, TaskContext.NONE);
            Map<String, Object> s = outcome.run().summary();
            print(session, outcome, List.of(String.format(Locale.ROOT, "DBSCAN eps %s m, min points %d: %s clusters, %s noise, %s core points",
                    trim(eps), minPoints, s.get("clusters"), s.get("noise"), s.get("corePoints"))));
            return 0;
        }
    }

    @Command(name = "kde", mixinStandardHelpOptions = true,
            description = "Kernel density surface in incidents per km² per period, evaluated exactly at cell centres")
    static final class KdeCommand extends AnalysisCommand {
        @Option(names = "--bandwidth-m", required = true, paramLabel = "METRES",
                description = "Gaussian: standard deviation; quartic: search radius (metres)")
        double bandwidth;

        @Option(names = "--cell-m", required = true, paramLabel = "METRES", description = "Cell size in metres")
        double cell;

        @Option(names = "--kernel", defaultValue = "GAUSSIAN", paramLabel = "K",
                description = "GAUSSIAN or QUARTIC (default ${DEFAULT-VALUE})", converter = KernelConverter.class)
        KernelDensity.Kernel kernel;

        @Option(names = "--period", defaultValue = "WEEK", paramLabel = "P",
                description = "Density per DAY, WEEK, MONTH, YEAR or WHOLE_WINDOW (default ${DEFAULT-VALUE})",
                converter = PeriodConverter.class)
        HotspotParameters.Period period;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the surface: FILE.asc (ESRI ASCII grid + .prj) or FILE.tif (GeoTIFF)")
        Path outFile;

        @Override
        protected int run(CliSession session) throws Exception {
            HotspotService.Outcome outcome = session.services().hotspots().kernelDensity(filter.toFilter(session.services().charts().catalog()),
                    new HotspotParameters.Kde(kernel, bandwidth, cell, period), !noSave, null, TaskContext.NONE);
            GridSurface density = outcome.grids().get(0);
            if (outFile != null) {
                GridExport.write(density, outFile);
            }
            Map<String, Object> s = outcome.run().summary();
            List<String> lines = new ArrayList<>();
            lines.add(String.format(Locale.ROOT, "Kernel density (%s, bandwidth %s m, %s m cells): %d × %d = %,d cells, peak %.4g %s",
                    kernel.name().toLowerCase(Locale.ROOT), trim(bandwidth), trim(cell), density.columns(), density.rows(),
                    density.values().length, density.max(), density.unit()));
            if (s.containsKey("truncationRadiusMetres")) {
                lines.add(String.format(Locale.ROOT, "Gaussian cut off at %.0f m: at most %.0e of one incident's peak density left out at any cell",
                        ((Number) s.get("truncationRadiusMetres")).doubleValue(), KernelDensity.TOLERANCE));
            }
            if (outFile != null) {
                lines.add("Written to " + outFile.toAbsolutePath());
            }
            if (json) {
                Map<String, Object> out = runJson(outcome.run());
                out.put("timing", outcome.timing());
                out.put("saved", outcome.saved());
                out.put("grid", gridJson(density));
                out.put("file", outFile == null ? null : outFile.toAbsolutePath().toString());
                session.printJson(out);
            } else {
                lines.forEach(session.out()::println);
                HotspotRun run = outcome.run();
                session.out().printf("Data: %,d located incidents, %s … %s (%.2f %s periods)%n", run.rowCount(), run.fromDay(),
                        run.toDay(), ((Number) s.get("periods")).doubleValue(), period.name().toLowerCase(Locale.ROOT));
                session.out().println("Projection: " + run.projection());
                HotspotService.Timing t = outcome.timing();
                session.out().printf("Compute %,d ms (excluding: data load %,d ms, filter and projection %,d ms, save %,d ms)%n",
                        t.computeMs(), t.loadMs(), t.selectMs(), t.saveMs());
                session.out().println(outcome.saved() ? "Stored as run " + run.id() : "Not stored (--no-save)");
            }
            return 0;
        }
    }

    @Command(name = "gistar", mixinStandardHelpOptions = true,
            description = "Getis-Ord Gi* hot and cold spots with false-discovery-rate correction (90/95/99 %%)")
    static final class GiStarCommand extends AnalysisCommand {
        @Option(names = "--cell-m", paramLabel = "METRES", description = "Grid cell size in metres (grid mode)")
        Double cell;

        @Option(names = "--band-m", paramLabel = "METRES",
                description = "Neighbours: cells whose centres are within this distance (default 1.5 cells = the 8 around)")
        Double band;

        @Option(names = "--areas", paramLabel = "KIND", description = "Run on the areas of this kind (e.g. district) instead of a grid")
        String areaKind;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the z-score grid: FILE.asc or FILE.tif")
        Path outFile;

        @Override
        protected int run(CliSession session) throws Exception {
            HotspotParameters.GiStar parameters;
            if (areaKind != null) {
                if (cell != null || band != null || outFile != null) {
                    throw new IllegalArgumentException("--areas cannot be combined with --cell-m, --band-m or --out");
                }
                parameters = HotspotParameters.GiStar.areas(areaKind);
            } else {
                if (cell == null) {
                    throw new IllegalArgumentException("Give --cell-m METRES for a grid, or --areas KIND");
                }
                parameters = new HotspotParameters.GiStar(cell, band != null ? band : 1.5 * cell, null);
            }
            HotspotService.Outcome outcome = session.services().hotspots().giStar(filter.toFilter(session.services().charts().catalog()),
                    parameters, !noSave, null, TaskContext.NONE);
            if (outFile != null) {
                GridExport.write(outcome.grids().stream().filter(g -> g.name().equals("gistar_z")).findFirst().orElseThrow(), outFile);
            }
            Map<String, Object> s = outcome.run().summary();
            String units = areaKind != null ? s.get("units") + " areas of kind " + areaKind
                    : String.format(Locale.ROOT, "%s cells of %s m (neighbours within %s m)", s.get("units"), trim(cell),
                            trim(parameters.bandMetres()));
            print(session, outcome, List.of("Gi* on " + units,
                    String.format("Hot cells/areas at 99/95/90 %%: %s/%s/%s; cold: %s/%s/%s (Benjamini–Hochberg FDR)",
                            s.get("hot99"), s.get("hot95"), s.get("hot90"), s.get("cold99"), s.get("cold95"), s.get("cold90"))));
            return 0;
        }
    }

    @Command(name = "k-distance", mixinStandardHelpOptions = true,
            description = "Distance to the (min-points − 1)-th nearest neighbour, to choose eps; prints the knee")
    static final class KDistanceCommand extends SessionCommand {
        @Mixin
        IncidentFilterOptions filter;

        @Option(names = "--min-points", required = true, paramLabel = "N", description = "DBSCAN min points")
        int minPoints;

        @Override
        protected int run(CliSession session) {
            KDistance.Curve curve = session.services().hotspots().kDistance(filter.toFilter(session.services().charts().catalog()), minPoints,
                    TaskContext.NONE);
            double[] d = curve.distances();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("minPoints", minPoints);
                out.put("sampled", curve.sampled());
                out.put("total", curve.total());
                out.put("kneeMetres", curve.kneeMetres());
                out.put("distancesMetresDescending", d);
                session.printJson(out);
                return 0;
            }
            session.out().printf("k-distance (k = %d other incidents) on %,d of %,d incidents%n", minPoints - 1,
                    curve.sampled(), curve.total());
            for (double share : new double[] {0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90}) {
                int index = Math.min(d.length - 1, (int) (share * d.length));
                session.out().printf("  %3.0f %% of incidents are farther than %8.1f m from their %d-th neighbour%n",
                        share * 100, d[index], minPoints - 1);
            }
            session.out().printf("Knee of the curve: eps ≈ %.0f m (%.0f %% of incidents would be core)%n", curve.kneeMetres(),
                    100 * curve.coreShareAt(curve.kneeMetres()));
            return 0;
        }
    }

    @Command(name = "runs", mixinStandardHelpOptions = true, description = "Stored hotspot runs, newest first")
    static final class RunsCommand extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            List<HotspotRun> runs = session.services().hotspots().runs().list();
            if (json) {
                session.printJson(runs.stream().map(HotspotsCommand::runJson).toList());
                return 0;
            }
            if (runs.isEmpty()) {
                session.out().println("No hotspot runs stored yet: run `hotspots dbscan`, `kde` or `gistar`.");
            }
            for (HotspotRun run : runs) {
                session.out().printf("%s  %s  %s%n", run.id(), run.startedAt().toString().substring(0, 19).replace('T', ' '),
                        run.describe());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Reopen a stored run: provenance and hotspots")
    static final class ShowCommand extends SessionCommand {
        @Parameters(paramLabel = "RUN", description = "Run id or a unique prefix of it")
        String runId;

        @Option(names = "--top", paramLabel = "N", defaultValue = "20", description = "Hotspots to list (default ${DEFAULT-VALUE})")
        int top;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the run's main grid (density or Gi* z): FILE.asc or FILE.tif")
        Path outFile;

        @Override
        protected int run(CliSession session) throws Exception {
            HotspotService service = session.services().hotspots();
            HotspotRun run = service.runs().findByPrefix(runId);
            List<Hotspot> hotspots = service.hotspots(run.id());
            if (outFile != null) {
                List<GridSurface> grids = service.runs().grids(run.id(), MetricProjection.parse(run.projection()));
                GridSurface main = grids.stream().filter(g -> g.name().equals("density") || g.name().equals("gistar_z"))
                        .findFirst().orElseThrow(() -> new IllegalArgumentException("Run " + run.id() + " has no grid to export"));
                GridExport.write(main, outFile);
            }
            if (json) {
                Map<String, Object> out = runJson(run);
                out.put("hotspots", hotspots.stream().limit(top).map(HotspotsCommand::hotspotJson).toList());
                session.printJson(out);
                return 0;
            }
            PrintWriter out = session.out();
            out.println("Run " + run.id() + " (" + run.kind().title() + "), started " + run.startedAt() + ", " + run.elapsedMs() + " ms");
            out.println("Parameters: " + run.parameters());
            out.println("Filter: " + run.filter());
            out.printf("Data: %,d located incidents, %s … %s (first %s, last %s)%n", run.rowCount(), run.fromDay(), run.toDay(),
                    run.firstIncident(), run.lastIncident());
            out.println("Projection: " + run.projection());
            out.println("Summary: " + run.summary());
            out.println("App version: " + run.appVersion());
            printHotspots(out, hotspots, top);
            if (outFile != null) {
                out.println("Grid written to " + outFile.toAbsolutePath());
            }
            return 0;
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Compare a run with an earlier one: new, grown, stable, shrunk and gone hotspots")
    static final class CompareCommand extends SessionCommand {
        @Parameters(index = "0", paramLabel = "EARLIER", description = "The earlier run (id or prefix)")
        String earlierId;

        @Parameters(index = "1", paramLabel = "LATER", description = "The later run (id or prefix)")
        String laterId;

        @Override
        protected int run(CliSession session) {
            HotspotService service = session.services().hotspots();
            HotspotRun earlier = service.runs().findByPrefix(earlierId);
            HotspotRun later = service.runs().findByPrefix(laterId);
            RunComparison comparison = service.compare(earlier, later);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("earlier", runJson(earlier));
                out.put("later", runJson(later));
                Map<String, Long> counts = new LinkedHashMap<>();
                for (RunComparison.Status status : RunComparison.Status.values()) {
                    counts.put(status.name(), comparison.count(status));
                }
                out.put("counts", counts);
                out.put("changes", comparison.changes().stream().map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("status", c.status());
                    m.put("later", c.later() == null ? null : c.later().label());
                    m.put("earlier", c.earlier().stream().map(Hotspot::label).toList());
                    m.put("laterPerDay", c.laterPerDay());
                    m.put("earlierPerDay", c.earlierPerDay());
                    m.put("laterAreaM2", c.laterAreaM2());
                    m.put("earlierAreaM2", c.earlierAreaM2());
                    return m;
                }).toList());
                session.printJson(out);
                return 0;
            }
            PrintWriter out = session.out();
            out.println("Earlier: " + earlier.describe());
            out.println("Later:   " + later.describe());
            for (RunComparison.Status status : RunComparison.Status.values()) {
                out.printf("  %-6s %d%n", status.name().toLowerCase(Locale.ROOT), comparison.count(status));
            }
            out.println("(matched when outlines overlap; grown/shrunk: incidents per day changed by more than "
                    + RunComparison.CHANGE_THRESHOLD_PERCENT + " %)");
            for (RunComparison.Change c : comparison.changes()) {
                String name = c.later() != null ? c.later().label() : c.earlier().get(0).label();
                out.printf("  %-6s %-50s %8.2f → %8.2f incidents/day%n", c.status().name().toLowerCase(Locale.ROOT),
                        name, c.earlierPerDay(), c.laterPerDay());
            }
            return 0;
        }
    }

    static void printHotspots(PrintWriter out, List<Hotspot> hotspots, int top) {
        if (hotspots.isEmpty()) {
            out.println("No hotspots.");
            return;
        }
        out.printf("%4s  %-44s %9s %9s %12s  %s%n", "Rank", "Hotspot", "Incidents", "Area km²", "per km²", "Leading categories");
        for (Hotspot h : hotspots.subList(0, Math.min(top, hotspots.size()))) {
            String categories = String.join(", ", h.profile().categories().stream().limit(3)
                    .map(c -> String.format(Locale.ROOT, "%s %.0f%%", c.category(), 100 * c.share())).toList());
            out.printf(Locale.ROOT, "%4d  %-44s %,9d %9.3f %,12.0f  %s%n", h.rank(), abbreviate(h.label(), 44),
                    h.incidentCount(), h.areaM2() / 1e6, h.densityPerKm2(), categories);
        }
        if (hotspots.size() > top) {
            out.printf("… and %d more (--top N)%n", hotspots.size() - top);
        }
    }

    private static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    static Map<String, Object> runJson(HotspotRun run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runId", run.id());
        out.put("kind", run.kind());
        out.put("parameters", run.parameters());
        out.put("filter", run.filter());
        out.put("fromDay", run.fromDay());
        out.put("toDay", run.toDay());
        out.put("firstIncident", run.firstIncident());
        out.put("lastIncident", run.lastIncident());
        out.put("rowCount", run.rowCount());
        out.put("projection", run.projection());
        out.put("summary", run.summary());
        out.put("startedAt", run.startedAt());
        out.put("elapsedMs", run.elapsedMs());
        out.put("appVersion", run.appVersion());
        return out;
    }

    static Map<String, Object> hotspotJson(Hotspot h) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", h.id());
        out.put("rank", h.rank());
        out.put("label", h.label());
        out.put("incidents", h.incidentCount());
        out.put("areaM2", h.areaM2());
        out.put("densityPerKm2", h.densityPerKm2());
        out.put("zScore", h.zScore());
        out.put("pValue", h.pValue());
        out.put("confidence", h.confidence());
        HotspotProfile profile = h.profile();
        out.put("categories", profile.categories());
        out.put("hours", profile.hours());
        out.put("weekdays", profile.weekdays());
        out.put("areas", profile.areas());
        out.put("vertices", h.geometry().getNumPoints());
        out.put("wkt", h.geometry().toText());
        return out;
    }

    private static Map<String, Object> gridJson(GridSurface grid) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", grid.name());
        out.put("columns", grid.columns());
        out.put("rows", grid.rows());
        out.put("cellSize", grid.cellSize());
        out.put("originX", grid.originX());
        out.put("originY", grid.originY());
        out.put("unit", grid.unit());
        out.put("max", grid.max());
        return out;
    }

    static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** Accepts kernel names in any case. */
    static final class KernelConverter implements picocli.CommandLine.ITypeConverter<KernelDensity.Kernel> {
        @Override
        public KernelDensity.Kernel convert(String value) {
            return KernelDensity.Kernel.valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** Accepts period names in any case. */
    static final class PeriodConverter implements picocli.CommandLine.ITypeConverter<HotspotParameters.Period> {
        @Override
        public HotspotParameters.Period convert(String value) {
            return HotspotParameters.Period.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
