package org.impactdesk;

import org.impactdesk.cli.CommandLineMain;

/**
 * The entry point (not a JavaFX Application, so JavaFX on the class path starts): a subcommand
 * runs headless, none opens the window.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        int code = CommandLineMain.run(App::openWindow, args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
