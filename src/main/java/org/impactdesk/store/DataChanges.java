package org.impactdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.impactdesk.domain.DataChange;
import org.jdbi.v3.core.Handle;

/**
 * The log of changes to the data the screens show (V98): each write that changes it (an import, a
 * generation, a catalog or settings save) adds a row inside its own transaction, naming the open
 * database it came from ({@link Database#origin()}); a window asks for the newest row from elsewhere.
 */
public final class DataChanges {
    /** What changed: the values of the table's CHECK. */
    public enum What {
        IMPORT, GENERATION, CATALOG, SETTINGS;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Longest name kept (the column's width). */
    private static final int NAME_WIDTH = 200;
    private static final String INSERT = "INSERT INTO data_changes (changed_at, changed_by, origin, what) VALUES (?, ?, ?, ?)";

    private final Database database;

    public DataChanges(Database database) {
        this.database = database;
    }

    /** Records a change inside the writer's transaction on {@code c}. */
    public static void record(Connection c, Database database, What what, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, at.atOffset(java.time.ZoneOffset.UTC));
            ps.setString(2, name(by));
            ps.setString(3, database.origin());
            ps.setString(4, what.code());
            ps.executeUpdate();
        }
    }

    /** Records a change inside the writer's transaction on {@code h}. */
    public static void record(Handle h, Database database, What what, String by, Instant at) {
        h.createUpdate("INSERT INTO data_changes (changed_at, changed_by, origin, what) VALUES (:at, :by, :origin, :what)")
                .bind("at", at.atOffset(java.time.ZoneOffset.UTC)).bind("by", name(by)).bind("origin", database.origin()).bind("what", what.code())
                .execute();
    }

    /** Records a change inside the writer's transaction on {@code h}, from this database. */
    public void recordIn(Handle h, What what, String by, Instant at) {
        record(h, database, what, by, at);
    }

    /** Records a change in a transaction of its own (after a write that committed in several). */
    public void record(What what, String by, Instant at) {
        database.jdbi().useHandle(h -> record(h, database, what, by, at));
    }

    /** The newest change so far, from anywhere (0: none); what a window has seen when it loads. */
    public long newest() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM data_changes")
                .mapTo(Long.class).one());
    }

    /** The newest change after {@code seen} made by another desktop or command than this one; one indexed read. */
    public Optional<DataChange> newestElsewhereAfter(long seen) {
        return database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, changed_at, changed_by, what FROM data_changes
                        WHERE id > :seen AND origin <> :origin ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                .bind("seen", seen).bind("origin", database.origin())
                .map((rs, ctx) -> new DataChange(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4)))
                .findOne());
    }

    private static String name(String by) {
        String n = by == null || by.isBlank() ? "?" : by.strip();
        return n.length() > NAME_WIDTH ? n.substring(0, NAME_WIDTH) : n;
    }
}
