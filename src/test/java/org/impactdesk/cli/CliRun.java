package org.impactdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.impactdesk.domain.Json;

/** Runs the command line in-process with stdout and stderr captured, as the tests of the headless commands need. */
public final class CliRun {
    private CliRun() {
    }

    /** Exit code and what the command printed. */
    public record Result(int code, String out, String err) {
        public JsonNode json() {
            return Json.read(out);
        }
    }

    /** {@code impact-desk --db DB args...} */
    public static Result onDatabase(Path db, String... args) {
        return onDatabase(db.toString(), args);
    }

    /** {@code impact-desk --db TARGET args...}: an H2 file's path or a PostgreSQL URL (a test database's target). */
    public static Result onDatabase(String target, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--db";
        all[1] = target;
        System.arraycopy(args, 0, all, 2, args.length);
        return run(all);
    }

    public static Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = CommandLineMain.run(c -> { }, args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
