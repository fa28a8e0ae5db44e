package org.impactdesk.cli;

import java.io.PrintWriter;
import org.impactdesk.store.DatabaseException;
import picocli.CommandLine;

/** Runs the command line and maps failures to CLI.md's exit codes. */
public final class CommandLineMain {
    private CommandLineMain() {
    }

    public static int run(java.util.function.Consumer<ImpactDeskCommand> windowOpener, String... args) {
        ImpactDeskCommand.windowOpener = windowOpener;
        CommandLine cl = new CommandLine(new ImpactDeskCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof CliException ce) {
                err.println(ce.getMessage());
                return ce.exitCode();
            }
            if (ex instanceof java.util.concurrent.CancellationException) {
                err.println("Stopped: " + ex.getMessage());
                return ExitCode.STOPPED;
            }
            if (ex instanceof DatabaseException de) {
                err.println(de.getMessage());
                return ExitCode.BAD_INPUT;
            }
            throw ex;
        });
        return cl.execute(args);
    }
}
