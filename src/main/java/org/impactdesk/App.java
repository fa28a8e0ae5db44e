package org.impactdesk;

import org.impactdesk.cli.CliException;
import org.impactdesk.cli.ExitCode;
import org.impactdesk.cli.ImpactDeskCommand;

/** Composition root: builds the object graph by hand, in one place. */
public final class App {
    private App() {
    }

    /** Opens the desktop window on the chosen database. */
    public static void openWindow(ImpactDeskCommand options) {
        throw new CliException(ExitCode.USAGE, "The window arrives with its feature.");
    }
}
