package org.impactdesk.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the command line (and the window) get a database's passphrase: a file, the environment, or the terminal. */
public final class Passphrases {
    static final String ENV = "IMPACT_DESK_PASSPHRASE";

    private Passphrases() {
    }

    /** Reads a passphrase without echo; null when the person gives none. */
    interface Console {
        char[] read(String prompt);

        void say(String line);
    }

    /** The terminal, or null when standard input is not one (scripts, CI, pipes). */
    static Console console() {
        java.io.Console c = System.console();
        if (c == null) {
            return null;
        }
        return new Console() {
            @Override
            public char[] read(String prompt) {
                return c.readPassword("%s", prompt);
            }

            @Override
            public void say(String line) {
                c.printf("%s%n", line);
            }
        };
    }

    /** The passphrase given without asking: the first line of {@code file} when not null, else the environment's; or null. */
    public static char[] given(Path file) {
        if (file != null) {
            return fromFile(file);
        }
        String env = System.getenv(ENV);
        return env == null || env.isEmpty() ? null : env.toCharArray();
    }

    /** The first line of {@code file}, which must exist and hold one. */
    static char[] fromFile(Path file) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException(ExitCode.USAGE, "--passphrase-file " + file + ": the file is empty; its first line "
                        + "is the passphrase.");
            }
            return line.toCharArray();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliException(ExitCode.NOT_FOUND, "--passphrase-file: no such file: " + file);
        } catch (IOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "--passphrase-file " + file + ": cannot read it: " + e.getMessage());
        }
    }

    /** For a new database on a terminal: a passphrase typed twice, or none (empty). */
    static char[] choose(Console console, Path path) {
        console.say("A new database will be created at " + path + ".mv.db. It will hold people's personal data.");
        for (int attempt = 0; attempt < 3; attempt++) {
            char[] first = console.read("Choose a passphrase to encrypt it (Enter for none): ");
            if (first == null || first.length == 0) {
                console.say("Not encrypted: the file is readable by your user account only.");
                return null;
            }
            char[] again = console.read("The same passphrase again: ");
            if (java.util.Arrays.equals(first, again)) {
                return first;
            }
            console.say("The two passphrases differ; try again.");
        }
        throw new CliException(ExitCode.USAGE, "No passphrase chosen: the two entries differed three times. Nothing was created.");
    }
}
