package org.impactdesk.ui.shell;

/**
 * A database to open from the window: an H2 file ({@code file}, the path without or with {@code .mv.db})
 * or a PostgreSQL team database ({@code url}, {@code jdbc:postgresql://...}, with the {@code user} to log
 * in as, and the {@code password} typed for this time only: never remembered, never shown).
 */
public record DatabaseChoice(String file, String url, String user, String password) {

    public static DatabaseChoice file(String path) {
        return new DatabaseChoice(path, null, null, null);
    }

    public static DatabaseChoice team(String url, String user, String password) {
        return new DatabaseChoice(null, url, user, password);
    }

    public boolean isFile() {
        return file != null;
    }

    /** The H2 file's base path (H2 adds {@code .mv.db} itself). */
    public String fileBase() {
        String f = file.strip();
        return f.endsWith(".mv.db") ? f.substring(0, f.length() - ".mv.db".length()) : f;
    }

    @Override
    public String toString() {
        return isFile() ? "file " + file : "team " + url + " as " + user; // never the password
    }
}
