package org.impactdesk.cli;

/** The exit codes of CLI.md. */
public final class ExitCode {
    public static final int DONE = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int NOT_FOUND = 4;

    private ExitCode() {
    }
}
