package org.impactdesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.impactdesk.domain.Json;
import org.impactdesk.store.DatabaseException;
import org.impactdesk.store.DatabaseInUseException;
import picocli.CommandLine.ParseResult;
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
            int code;
            String message = ex.getMessage();
            if (ex instanceof java.util.concurrent.CancellationException) {
                code = ExitCode.STOPPED; // SIGTERM or Ctrl+C: the work was rolled back
                message = "Stopped: " + ex.getMessage();
            } else if (ex instanceof CliException ce) {
                code = ce.exitCode();
            } else if (ex instanceof DatabaseInUseException) {
                code = ExitCode.IN_USE;
            } else if (ex instanceof DatabaseException) {
                code = ExitCode.BAD_INPUT;
            } else {
                throw ex;
            }
            err.println(message);
            if (jsonWanted(parseResult)) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("error", message);
                json.put("exit_code", code);
                commandLine.getOut().println(Json.write(json));
                commandLine.getOut().flush();
            }
            return code;
        });
        return cl.execute(args);
    }

    /** Whether the command line asked for --json (a failure then also says itself as one JSON document on stdout). */
    static boolean jsonWanted(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--json")) {
                return true;
            }
        }
        return false;
    }
}
