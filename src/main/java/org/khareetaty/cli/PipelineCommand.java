package org.khareetaty.cli;

import java.util.List;
import org.khareetaty.pipeline.PipelineRun;
import org.khareetaty.pipeline.StepResult;
import picocli.CommandLine.Command;

/** The daily pipeline for cron, systemd timers or the Windows Task Scheduler. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, description = "Run the daily pipeline or show its last runs",
        subcommands = {PipelineCommand.Run.class, PipelineCommand.Status.class})
final class PipelineCommand {

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Import staged files, analyse, alert, report, sync, apply retention, back up; exit 0 when every step is OK or skipped, 6 when a step failed")
    static final class Run extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            PipelineRun run = session.services().pipeline().run(session.principal(), "cli", org.khareetaty.common.TaskContext.NONE);
            if (json) {
                session.printJson(run);
            } else {
                print(session, run);
            }
            return run.succeeded() ? 0 : 6;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "The last runs and each step's result")
    static final class Status extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            List<PipelineRun> runs = session.services().pipeline().recentRuns(5);
            if (json) {
                session.printJson(runs);
            } else if (runs.isEmpty()) {
                session.out().println("The pipeline has not run yet.");
            } else {
                runs.forEach(run -> print(session, run));
            }
            return 0;
        }
    }

    static void print(CliSession session, PipelineRun run) {
        session.out().printf("Pipeline run %s (%s) started %s: %s%n", run.id(), run.trigger(), run.startedAt(), run.status());
        for (StepResult step : run.steps()) {
            session.out().printf("  %-8s %-14s %6d ms  %s%n", step.status(), step.step(), step.elapsedMs(), step.message());
        }
    }
}
