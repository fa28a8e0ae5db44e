package org.impactdesk.domain;

import java.nio.file.Path;

/**
 * Where the data lives, as Settings and the status bar show it: an H2 file ({@code file}, the
 * {@code .mv.db}), or a PostgreSQL team database ({@code server} host:port, {@code database}, and
 * the {@code user} the desktop logs in as). Never a password.
 */
public record DatabaseLocation(Path file, String server, String database, String user) {

    public static DatabaseLocation ofFile(Path file) {
        return new DatabaseLocation(file.toAbsolutePath(), null, null, null);
    }

    public static DatabaseLocation ofServer(String server, String database, String user) {
        return new DatabaseLocation(null, server, database, user);
    }

    public boolean isFile() {
        return file != null;
    }

    /** The file's path, or {@code postgresql://user@host:port/database} (the same in every language). */
    public String text() {
        if (isFile()) {
            return file.toString();
        }
        return "postgresql://" + (user == null || user.isBlank() ? "" : user + "@") + server + "/" + database;
    }
}
