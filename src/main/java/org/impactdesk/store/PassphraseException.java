package org.impactdesk.store;

import java.nio.file.Path;

/** An encrypted database opened without its passphrase or with a wrong one, or a passphrase given for one that is not encrypted. */
public final class PassphraseException extends DatabaseException {
    /** What went wrong. */
    public enum Reason {
        /** The database is encrypted and no passphrase was given. */
        REQUIRED,
        /** The passphrase does not open the database. */
        WRONG,
        /** A passphrase was given for a database that exists unencrypted. */
        NOT_ENCRYPTED
    }

    private final Reason reason;
    private final Path path;

    public PassphraseException(Reason reason, Path path) {
        super(switch (reason) {
            case REQUIRED -> "The database " + path + ".mv.db is encrypted: give its passphrase (IMPACT_DESK_PASSPHRASE, "
                    + "--passphrase-file FILE, or type it when asked).";
            case WRONG -> "Wrong passphrase for the database " + path + ".mv.db: nothing was opened or changed.";
            case NOT_ENCRYPTED -> "The database " + path + ".mv.db is not encrypted: open it without a passphrase "
                    + "(unset IMPACT_DESK_PASSPHRASE), or give a new --db path to create an encrypted one.";
        });
        this.reason = reason;
        this.path = path;
    }

    public Reason reason() {
        return reason;
    }

    public Path path() {
        return path;
    }
}
