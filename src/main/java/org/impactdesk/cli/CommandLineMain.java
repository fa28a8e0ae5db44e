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
        ImpactDeskCommand window = windowOnly(args);
        if (window != null) {
            try {
                return window.call();
            } catch (RuntimeException ex) {
                Failure f = failure(ex);
                if (f == null) {
                    throw ex;
                }
                System.err.println(f.message());
                return f.code();
            }
        }
        CommandLine cl = new CommandLine(new ImpactDeskCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Failure f = failure(ex);
            if (f == null) {
                throw ex;
            }
            PrintWriter err = commandLine.getErr();
            err.println(f.message());
            if (jsonWanted(parseResult)) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("error", f.message());
                json.put("exit_code", f.code());
                commandLine.getOut().println(Json.write(json));
                commandLine.getOut().flush();
            }
            return f.code();
        });
        return cl.execute(args);
    }

    /** A failure as CLI.md's exit code and the line that says it. */
    record Failure(int code, String message) {
    }

    /** The exit code and message of a command's exception; null for an unexpected one (a bug: thrown on). */
    static Failure failure(Exception ex) {
        if (ex instanceof java.util.concurrent.CancellationException) {
            return new Failure(ExitCode.STOPPED, "Stopped: " + ex.getMessage()); // SIGTERM or Ctrl+C: rolled back
        } else if (ex instanceof CliException ce) {
            return new Failure(ce.exitCode(), ex.getMessage());
        } else if (ex instanceof DatabaseInUseException) {
            return new Failure(ExitCode.IN_USE, ex.getMessage());
        } else if (ex instanceof DatabaseException) {
            return new Failure(ExitCode.BAD_INPUT, ex.getMessage());
        }
        return null;
    }

    /** The options the window takes (CLI.md's global options). */
    private static final java.util.List<String> WINDOW_OPTIONS = java.util.List.of("--db", "--passphrase-file", "--as", "--lang");

    /**
     * The window's options when {@code args} hold nothing else (each of {@link #WINDOW_OPTIONS} at
     * most once with a value, as {@code --db PATH} or {@code --db=PATH}); null otherwise, and picocli
     * reads them. The window then opens without picocli, which reads every command's annotations
     * first: 176 classes of Java 5 bytecode, which no class-data archive can hold, loaded and
     * verified at every start before the first frame.
     */
    static ImpactDeskCommand windowOnly(String[] args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            int eq = a.indexOf('=');
            String name = eq > 0 ? a.substring(0, eq) : a;
            if (!WINDOW_OPTIONS.contains(name) || given.containsKey(name)) {
                return null;
            }
            String value;
            if (eq > 0) {
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.isEmpty()) {
                return null;
            }
            given.put(name, value);
        }
        try {
            return ImpactDeskCommand.of(given.get("--db"), given.get("--passphrase-file"), given.get("--as"), given.get("--lang"));
        } catch (java.nio.file.InvalidPathException e) {
            return null; // picocli says which option's path is not one
        }
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
