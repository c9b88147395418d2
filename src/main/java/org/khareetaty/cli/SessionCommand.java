package org.khareetaty.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Base of every sub-command: gives it a {@link CliSession} for the chosen data folder and the
 * common {@code --json} option. Sub-commands implement {@link #run(CliSession)} and return an exit code.
 */
public abstract class SessionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print machine-readable JSON on stdout")
    protected boolean json;

    protected abstract int run(CliSession session) throws Exception;

    @Override
    public final Integer call() throws Exception {
        KhareetatyCommand root = (KhareetatyCommand) spec.root().userObject();
        try (CliSession session = new CliSession(
                org.khareetaty.common.DataFolder.resolve(root.dataDir()), spec.commandLine().getOut(), root.user())) {
            return run(session);
        }
    }
}
