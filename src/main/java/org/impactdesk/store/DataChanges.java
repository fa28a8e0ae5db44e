package org.impactdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.impactdesk.domain.DataChange;
import org.jdbi.v3.core.Handle;

/**
 * The log of changes to the data the screens show (V98, V105): each write that changes it (an import, a
 * generation, a catalog or settings save, a follow-up note, a Wrapped review or release) adds a row
 * inside its own transaction, naming the open database it came from ({@link Database#origin()}); a
 * window asks for the newest row from elsewhere. A change of data only one person sees (their private
 * follow-up notes) names them, and only their windows are told. Rows older than {@link #KEPT} are
 * pruned ({@link #prune}) by the window a minute after it shows and by the writing commands (Services#pruneChangeLog).
 */
public final class DataChanges {
    /** What changed: the values of the table's CHECK. */
    public enum What {
        IMPORT, GENERATION, CATALOG, SETTINGS, FOLLOW_UP, RELEASE;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * How long a change is kept: a window looks for changes every half minute and on focus, so a row
     * matters for minutes; a month leaves the log readable for whoever wonders who changed what.
     */
    public static final Duration KEPT = Duration.ofDays(30);
    /** Longest name kept (the column's width). */
    private static final int NAME_WIDTH = 200;
    private static final String INSERT = """
            INSERT INTO data_changes (changed_at, changed_by, origin, what, for_user) VALUES (?, ?, ?, ?, ?)""";

    private final Database database;

    public DataChanges(Database database) {
        this.database = database;
    }

    /** Records a change inside the writer's transaction on {@code c}. */
    public static void record(Connection c, Database database, What what, String by, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setObject(1, at.atOffset(ZoneOffset.UTC));
            ps.setString(2, name(by));
            ps.setString(3, database.origin());
            ps.setString(4, what.code());
            ps.setString(5, null);
            ps.executeUpdate();
        }
    }

    /** Records a change inside the writer's transaction on {@code h}. */
    public static void record(Handle h, Database database, What what, String by, Instant at) {
        record(h, database, what, by, null, at);
    }

    /**
     * Records a change inside the writer's transaction on {@code h}; {@code forUser}: the one user whose
     * windows are told (a change of data only they see: their follow-up notes), null for everyone's.
     */
    public static void record(Handle h, Database database, What what, String by, String forUser, Instant at) {
        h.createUpdate(INSERT.replace("(?, ?, ?, ?, ?)", "(:at, :by, :origin, :what, :forUser)"))
                .bind("at", at.atOffset(ZoneOffset.UTC)).bind("by", name(by)).bind("origin", database.origin())
                .bind("what", what.code()).bind("forUser", forUser)
                .execute();
    }

    /** Records a change inside the writer's transaction on {@code h}, from this database. */
    public void recordIn(Handle h, What what, String by, Instant at) {
        record(h, database, what, by, at);
    }

    /** As {@link #recordIn(Handle, What, String, Instant)}, of data only {@code forUser} sees. */
    public void recordIn(Handle h, What what, String by, String forUser, Instant at) {
        record(h, database, what, by, forUser, at);
    }

    /** Records a change in a transaction of its own (after a write that committed in several). */
    public void record(What what, String by, Instant at) {
        database.jdbi().useHandle(h -> record(h, database, what, by, at));
    }

    /**
     * Deletes the changes made before {@code now} minus {@link #KEPT}, in a short transaction of its own
     * (never inside a writer's, where two writers pruning the same rows would wait for each other); how many.
     */
    public int prune(Instant now) {
        Instant before = now.minus(KEPT);
        return database.jdbi().withHandle(h -> h.createUpdate("DELETE FROM data_changes WHERE changed_at < :before")
                .bind("before", before.atOffset(ZoneOffset.UTC)).execute());
    }

    /** The newest change so far, from anywhere (0: none); what a window has seen when it loads. */
    public long newest() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COALESCE(MAX(id), 0) FROM data_changes")
                .mapTo(Long.class).one());
    }

    /**
     * The newest change after {@code seen} made by another desktop or command than this one, of data
     * everyone sees or only {@code userId} sees (null: everyone's only); one indexed read.
     */
    public Optional<DataChange> newestElsewhereAfter(long seen, String userId) {
        return database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id, changed_at, changed_by, what FROM data_changes
                        WHERE id > :seen AND origin <> :origin AND (for_user IS NULL OR for_user = :user)
                        ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                .bind("seen", seen).bind("origin", database.origin()).bind("user", userId)
                .map((rs, ctx) -> new DataChange(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4)))
                .findOne());
    }

    private static String name(String by) {
        String n = by == null || by.isBlank() ? "?" : by.strip();
        return n.length() > NAME_WIDTH ? n.substring(0, NAME_WIDTH) : n;
    }
}
