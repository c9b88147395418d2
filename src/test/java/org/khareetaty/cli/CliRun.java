package org.khareetaty.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in this JVM and keeps what it printed, for CLI tests. */
public final class CliRun {

    /** Exit code, standard output and standard error of one command. */
    public record Result(int exit, String out, String err) {
    }

    private CliRun() {
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** The command with {@code --data-dir dataDir} in front. */
    public static Result in(Path dataDir, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }
}
