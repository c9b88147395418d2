package org.khareetaty.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.khareetaty.common.AppInfo;
import org.khareetaty.common.health.HealthReport;
import org.khareetaty.common.health.HealthResult;
import picocli.CommandLine.Command;

/** Opens the database and reports whether the workstation is healthy. Exit 0 when healthy. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the database, schema, integrity, free disk and versions; exit 0 when healthy")
final class DoctorCommand extends SessionCommand {

    @Override
    protected int run(CliSession session) {
        HealthReport report = HealthReport.run(session.services().healthChecks());
        AppInfo info = AppInfo.load();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("healthy", report.healthy());
            out.put("dataFolder", session.folder().root().toString());
            out.put("checks", report.results());
            out.put("versions", info.componentVersions());
            session.printJson(out);
        } else {
            session.out().println(info.name() + " " + info.version() + " — data folder " + session.folder().root());
            List<HealthResult> results = report.results();
            for (HealthResult result : results) {
                session.out().printf("  %-5s %-12s %s%n", result.status(), result.name(), result.message());
            }
            session.out().println(report.healthy() ? "Healthy." : "NOT healthy: see FAIL lines above.");
        }
        return report.healthy() ? 0 : 3;
    }
}
