package org.impactdesk.cli;

/** The exit codes of CLI.md. */
public final class ExitCode {
    public static final int DONE = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int NOT_FOUND = 4;
    /** Stopped by a signal (SIGTERM, Ctrl+C) before it finished; what it did was rolled back (128 + 15, as a shell reports it). */
    public static final int STOPPED = 143;

    private ExitCode() {
    }
}
