package org.khareetaty.cli;

import java.util.UUID;
import org.khareetaty.common.TaskContext;
import org.khareetaty.ingest.ImportReport;
import org.khareetaty.ingest.ImportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Import batches: list, resume an incomplete one, roll one back. */
@Command(name = "batches", mixinStandardHelpOptions = true, description = "Import batches: list, resume, roll back",
        subcommands = {BatchesCommand.ListBatches.class, BatchesCommand.Resume.class, BatchesCommand.Rollback.class})
final class BatchesCommand {

    /** Every batch with its status and counts. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List import batches, newest first")
    static final class ListBatches extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            var batches = session.services().imports().batches();
            if (json) {
                session.printJson(batches);
            } else {
                for (ImportService.BatchInfo b : batches) {
                    session.out().printf("%s %-11s %s read %,d accepted %,d quarantined %,d duplicates %,d  %s%n", b.id(),
                            b.status(), b.startedAt(), b.rowsRead(), b.accepted(), b.quarantined(), b.duplicates(),
                            b.message() == null ? "" : b.message());
                }
            }
            return 0;
        }
    }

    /** Runs an INCOMPLETE batch again from its recorded files. */
    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume an INCOMPLETE batch")
    static final class Resume extends SessionCommand {
        @Parameters(index = "0", paramLabel = "BATCH")
        UUID batch;

        @Override
        protected int run(CliSession session) {
            ImportReport report = session.services().imports().resume(session.principal(), batch, TaskContext.NONE);
            ImportCommand.print(session, report, json);
            return 0;
        }
    }

    /** Removes what a batch stored. */
    @Command(name = "rollback", mixinStandardHelpOptions = true, description = "Roll back a batch (removes its incidents)")
    static final class Rollback extends SessionCommand {
        @Parameters(index = "0", paramLabel = "BATCH")
        UUID batch;

        @Override
        protected int run(CliSession session) {
            ImportReport report = session.services().imports().rollback(session.principal(), batch);
            if (json) {
                session.printJson(ImportCommand.toJson(report));
            } else {
                session.out().println(report.message());
            }
            return 0;
        }
    }
}
