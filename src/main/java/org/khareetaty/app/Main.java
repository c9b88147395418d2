package org.khareetaty.app;

import java.io.PrintWriter;
import org.khareetaty.cli.Cli;
import org.khareetaty.cli.KhareetatyCommand;
import org.khareetaty.common.DataFolder;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * One entry point for the analyst and the scheduler: with a command it runs headless (no JavaFX class
 * is loaded), without one it opens the desktop window.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = Cli.commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            commandLine.getErr().println(e.getMessage());
            e.getCommandLine().usage(commandLine.getErr());
            System.exit(2);
            return;
        }
        KhareetatyCommand root = commandLine.getCommand();
        DataFolder folder = DataFolder.resolve(root.dataDir());
        boolean desktop = !parsed.hasSubcommand() && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
        if (desktop && Boolean.getBoolean("khareetaty.cli")) {
            // The installed command-line launcher never opens a window: without a command it explains itself.
            commandLine.usage(commandLine.getOut());
            System.exit(2);
            return;
        }
        LogSetup.configure(folder, root.debug(), desktop);
        if (desktop && root.mapBenchmark() != null) {
            DesktopLauncher.benchmarkMap(folder, root.mapBenchmark());
            try {
                System.out.print(java.nio.file.Files.readString(root.mapBenchmark()));
            } catch (java.io.IOException e) {
                System.err.println("The map benchmark wrote no figures to " + root.mapBenchmark() + ": " + e.getMessage());
                System.exit(1);
            }
            System.exit(0);
        } else if (desktop) {
            DesktopLauncher.launch(folder);
        } else {
            System.exit(commandLine.execute(args));
        }
    }
}
