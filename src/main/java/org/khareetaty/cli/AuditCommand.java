package org.khareetaty.cli;

import java.nio.file.Path;
import java.util.Map;
import org.khareetaty.security.AuditLog;
import org.khareetaty.security.Permission;
import org.khareetaty.security.FileProtection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Verify and export the audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify or export the audit log",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the hash chain; exit 0 when intact, 5 when a record was edited or removed")
    static final class Verify extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            session.principal().require(Permission.VIEW_AUDIT);
            AuditLog.Verification result = session.services().audit().verify();
            if (json) {
                session.printJson(result);
            } else {
                session.out().println(result.intact() ? "Audit log intact: " + result.records() + " records."
                        : "Audit log BROKEN: " + result.problem());
            }
            return result.intact() ? 0 : 5;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write every record: JSON lines (.jsonl/.json) or tab-separated text (other names)")
    static final class Export extends SessionCommand {
        @Option(names = "--out", required = true, paramLabel = "FILE")
        Path out;

        @Mixin
        EncryptOptions encryption;

        @Override
        protected int run(CliSession session) throws Exception {
            FileProtection protection = encryption.protection();
            long[] count = {session.services().audit().export(session.principal(), out, protection)};
            Path written = protection.target(out);
            if (json) {
                session.printJson(Map.of("file", written.toString(), "records", count[0], "encrypted", protection.encrypted()));
            } else {
                session.out().println("Wrote " + count[0] + " audit records to " + written);
            }
            return 0;
        }
    }
}
