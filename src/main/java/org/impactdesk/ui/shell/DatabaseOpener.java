package org.impactdesk.ui.shell;

/**
 * The window's "Open database…": opens another database in place of the one open now (the composition
 * root implements it over the store, as {@code --db} opens one). Both calls run on a worker; the
 * current database stays open and working until {@link Opened#activate()} is called on the FX thread,
 * once the window shows the new one.
 */
public interface DatabaseOpener {

    /** Which passphrase question an H2 file needs before it opens. */
    enum Lock {
        /** None: an existing unencrypted file, or a team database (its server protects it). */
        NONE,
        /** An encrypted file: its passphrase. */
        UNLOCK,
        /** No file there yet: a new database is created, encrypted with a passphrase or not. */
        CHOOSE
    }

    /** What {@code choice} needs before it opens; a choice that cannot be opened at all throws, saying why. */
    Lock lockOf(DatabaseChoice choice);

    /**
     * Opens the chosen database ({@code passphrase}: of an H2 file, null or empty for none; wiped by the
     * caller) and builds the window's parts on it. Throws a {@link WrongPassphraseException} for a wrong
     * passphrase, and any other exception with a message saying what could not be opened, where and why.
     */
    Opened open(DatabaseChoice choice, char[] passphrase);

    /** The H2 file open now ({@code PATH.mv.db}, absolute), or null for a team database. */
    default String current() {
        return null;
    }

    /** The database to open the next time the window starts without {@code --db} (null: the default one). */
    default String remembered() {
        return null;
    }

    /** A database opened and its window parts, not yet in use. */
    interface Opened {
        /** What the window is built from on the new database. */
        MainWindow.Setup setup();

        /** FX thread, once the window shows it: remembers the choice, closes the database open until now. */
        void activate();

        /** The window did not take it (closed meanwhile): closes it again. */
        void discard();
    }

    /** The passphrase given does not open the encrypted file: nothing was opened or changed. */
    final class WrongPassphraseException extends RuntimeException {
        public WrongPassphraseException(String message) {
            super(message);
        }
    }
}
