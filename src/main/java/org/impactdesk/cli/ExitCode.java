package org.impactdesk.cli;

/** The exit codes of CLI.md. */
public final class ExitCode {
    public static final int DONE = 0;
    public static final int BAD_INPUT = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int NOT_FOUND = 4;
    /**
     * The database is open in another Impact Desk window or program (not in CLI.md, which stops
     * at 4: documented in the README). Try again once it is closed there.
     */
    public static final int IN_USE = 5;

    /** Stopped by a signal (SIGTERM, Ctrl+C) before it finished; what it did was rolled back (128 + 15, as a shell reports it). */
    public static final int STOPPED = 143;

    private ExitCode() {
    }
}
