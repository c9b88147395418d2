package org.khareetaty.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.khareetaty.store.Database;
import picocli.CommandLine.Command;

/** Database information and maintenance. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database information",
        subcommands = DbCommand.Info.class)
final class DbCommand {

    /** Rows per table and file size. */
    @Command(name = "info", mixinStandardHelpOptions = true, description = "Rows per table and file size")
    static final class Info extends SessionCommand {
        @Override
        protected int run(CliSession session) {
            Database database = session.database();
            Map<String, Long> counts = database.rowCounts();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("file", database.folder().databaseFile().toString());
                out.put("fileSizeBytes", database.fileSizeBytes());
                out.put("schemaVersion", database.schemaVersion());
                out.put("rows", counts);
                session.printJson(out);
            } else {
                session.out().printf("%s (%,d bytes, schema %s)%n", database.folder().databaseFile(),
                        database.fileSizeBytes(), database.schemaVersion());
                counts.forEach((table, rows) -> session.out().printf("  %-24s %,12d%n", table, rows));
            }
            return 0;
        }
    }
}
