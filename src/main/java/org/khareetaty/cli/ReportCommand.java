package org.khareetaty.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.khareetaty.common.IncidentFilter;
import org.khareetaty.common.TaskContext;
import org.khareetaty.report.AreaRef;
import org.khareetaty.report.Bulletin;
import org.khareetaty.report.BulletinRequest;
import org.khareetaty.report.IsoWeek;
import org.khareetaty.report.ReportService;
import org.khareetaty.report.WeeklyReport;
import org.khareetaty.report.WeeklyReportRequest;
import org.khareetaty.security.FileProtection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** PDF reports for supervisors, made headless. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Write PDF reports",
        subcommands = {ReportCommand.Weekly.class, ReportCommand.BulletinCommand.class})
final class ReportCommand {

    /** The CompStat-style weekly report. */
    @Command(name = "weekly", mixinStandardHelpOptions = true,
            description = "Weekly report: headline numbers, map, trend and forecast, categories, hotspots, alerts, "
                    + "next week, methodology")
    static final class Weekly extends SessionCommand {
        @Option(names = "--week", required = true, paramLabel = "YYYY-Www", description = "ISO week, e.g. 2025-W10")
        String week;

        @Option(names = "--area", paramLabel = "AREA",
                description = "Limit to an area (id, code, name or kind:code); repeat for several")
        List<String> areas = new ArrayList<>();

        @Option(names = "--author", paramLabel = "NAME", description = "Name on the cover (default: the signed-in account)")
        String author;

        @Option(names = "--top", paramLabel = "N", defaultValue = "5", description = "Hotspots to profile (default 5)")
        int top;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "PDF file to write")
        Path out;

        @Mixin
        EncryptOptions encryption;

        @Override
        protected int run(CliSession session) {
            FileProtection protection = encryption.protection();
            Path written = protection.target(out);
            ReportService reports = session.services().reports();
            List<AreaRef> resolved = areas.stream().map(a -> reports.areas().resolve(a)).toList();
            WeeklyReportRequest request = new WeeklyReportRequest(IsoWeek.parse(week), resolved,
                    author == null ? session.principal().reportAuthor() : author, top);
            long started = System.nanoTime();
            WeeklyReport report = reports.writeWeekly(session.principal(), request, out, protection, TaskContext.NONE);
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("file", written.toAbsolutePath().toString());
                result.put("encrypted", protection.encrypted());
                result.put("week", report.week().toString());
                result.put("incidents", report.total().current());
                result.put("previousWeek", report.total().previous());
                result.put("yearAgo", report.total().yearAgo());
                result.put("hotspots", report.hotspots().size());
                result.put("alerts", report.alerts().size());
                result.put("elapsedMs", millis);
                session.printJson(result);
            } else {
                session.out().printf("Wrote %s: %s, %,d incidents (%,d the week before, %,d a year earlier), "
                        + "%d hotspots, %d alerts, in %,d ms%n", written.toAbsolutePath(), report.week(),
                        report.total().current(), report.total().previous(), report.total().yearAgo(),
                        report.hotspots().size(), report.alerts().size(), millis);
            }
            return 0;
        }
    }

    /** A tactical bulletin for one hotspot or a selection. */
    @Command(name = "bulletin", mixinStandardHelpOptions = true,
            description = "Tactical bulletin for one hotspot (--hotspot) or a selection (--from/--to with --area, "
                    + "--category or --bbox): map, incident list, time pattern and the analyst's text")
    static final class BulletinCommand extends SessionCommand {
        @Option(names = "--hotspot", paramLabel = "ID", description = "Hotspot id (see: export hotspots)")
        UUID hotspot;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First local date")
        LocalDate from;

        @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last local date")
        LocalDate to;

        @Option(names = "--area", paramLabel = "AREA", description = "Selection: area (repeatable)")
        List<String> areas = new ArrayList<>();

        @Option(names = "--category", paramLabel = "CODE", description = "Selection: category code (repeatable)")
        List<String> categories = new ArrayList<>();

        @Option(names = "--bbox", paramLabel = "MINLON,MINLAT,MAXLON,MAXLAT", description = "Selection: map box")
        String bbox;

        @Option(names = "--title", paramLabel = "TEXT", description = "Title (default: generated)")
        String title;

        @Option(names = "--text", paramLabel = "TEXT", description = "Analyst's text (default: generated summary)")
        String text;

        @Option(names = "--text-file", paramLabel = "FILE", description = "Read the analyst's text from a UTF-8 file")
        Path textFile;

        @Option(names = "--author", paramLabel = "NAME", description = "Author (default: the signed-in account)")
        String author;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", description = "PDF file to write")
        Path out;

        @Mixin
        EncryptOptions encryption;

        @Override
        protected int run(CliSession session) throws Exception {
            FileProtection protection = encryption.protection();
            Path written = protection.target(out);
            ReportService reports = session.services().reports();
            String who = author == null ? session.principal().reportAuthor() : author;
            BulletinRequest request;
            if (hotspot != null) {
                if (!areas.isEmpty() || !categories.isEmpty() || bbox != null) {
                    throw new IllegalArgumentException("Use --hotspot alone or a selection (--area, --category, --bbox), "
                            + "not both");
                }
                request = BulletinRequest.forHotspot(hotspot, who).withDates(from, to);
            } else {
                if (from == null || to == null) {
                    throw new IllegalArgumentException("A selection bulletin needs --from and --to (or use --hotspot ID)");
                }
                IncidentFilter filter = new IncidentFilter(from, to, java.util.Set.copyOf(categories),
                        areas.stream().map(a -> reports.areas().resolve(a).id()).collect(java.util.stream.Collectors.toSet()),
                        bbox == null ? null : parseBox(bbox));
                request = BulletinRequest.forSelection(filter, who);
            }
            String analystText = textFile != null ? java.nio.file.Files.readString(textFile) : text;
            request = request.withTitle(title).withText(analystText);
            Bulletin bulletin = reports.writeBulletin(session.principal(), request, out, protection, TaskContext.NONE);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("file", written.toAbsolutePath().toString());
                result.put("encrypted", protection.encrypted());
                result.put("title", bulletin.title());
                result.put("incidents", bulletin.profile().total());
                session.printJson(result);
            } else {
                session.out().printf("Wrote %s: %s, %,d incidents%n", written.toAbsolutePath(), bulletin.title(),
                        bulletin.profile().total());
            }
            return 0;
        }

        static IncidentFilter.BoundingBox parseBox(String text) {
            String[] parts = text.split(",");
            if (parts.length != 4) {
                throw new IllegalArgumentException("--bbox needs four numbers: MINLON,MINLAT,MAXLON,MAXLAT, not '" + text + "'");
            }
            try {
                return new IncidentFilter.BoundingBox(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                        Double.parseDouble(parts[2].strip()), Double.parseDouble(parts[3].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--bbox has a value that is not a number: '" + text + "'", e);
            }
        }
    }
}
