package org.impactdesk.cli;

/** Ends a command with a message on stderr and one of the {@link ExitCode}s. */
public final class CliException extends RuntimeException {
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
