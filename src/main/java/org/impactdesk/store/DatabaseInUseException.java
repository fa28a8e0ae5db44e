package org.impactdesk.store;

import java.nio.file.Path;

/** Another Impact Desk (or H2 tool) has the database open. */
public final class DatabaseInUseException extends DatabaseException {
    private final Path path;

    public DatabaseInUseException(Path path) {
        super("The database " + path + ".mv.db is already open in another Impact Desk window or program. "
                + "Close it there first, or choose another database with --db.");
        this.path = path;
    }

    public Path path() {
        return path;
    }
}
