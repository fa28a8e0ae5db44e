package org.impactdesk;

import org.impactdesk.cli.CommandLineMain;
import org.impactdesk.cli.ImpactDeskCommand;

/**
 * The entry point (not a JavaFX Application, so JavaFX on the class path starts): a subcommand
 * runs headless, none opens the window.
 *
 * <p>The command line stays light: {@code --version} alone answers before the command line is
 * parsed (picocli reads every command's annotations first), and the window's classes ({@link DesktopApp},
 * JavaFX) are loaded only when the window opens: the opener is a lambda, not a method reference,
 * whose creation would load and verify {@link DesktopApp} and with it part of JavaFX.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (versionOnly(args)) {
            System.out.println(ImpactDeskCommand.VERSION);
            return;
        }
        int code = CommandLineMain.run(options -> DesktopApp.openWindow(options), args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** {@code --version} or {@code -V} and nothing else: the answer needs no parsing (picocli prints the same). */
    static boolean versionOnly(String[] args) {
        return args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]));
    }
}
