package org.impactdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The per-organisation lock an import or a generation holds on a team database, so that two
 * desktops never write the same organisation at once: PostgreSQL's transaction-level advisory lock
 * ({@code pg_advisory_xact_lock}), released by the commit or rollback, also when a desktop dies.
 * Readers take no lock and never wait. A second writer first learns who holds the lock (the
 * holder's application name, which names the desktop, and since when), then waits for it. On H2
 * nothing is taken: the file has one writer by its own lock.
 */
public final class OrganizationLocks {
    /** The first key of the two-key advisory locks: Impact Desk's organisation locks. */
    static final int LOCK_CLASS = 0x1D_0201;

    private OrganizationLocks() {
    }

    /**
     * Takes the lock of each organisation (in sorted order, so two writers never wait for each
     * other crosswise) for the transaction of {@code c}, which must not be in auto-commit. When one
     * is held, {@code waiting} is told by whom before this waits for it.
     */
    public static void lock(Connection c, Collection<String> organizationIds, Consumer<String> waiting) throws SQLException {
        if (Database.engineOf(c) != Database.Engine.POSTGRESQL) {
            return;
        }
        if (c.getAutoCommit()) {
            throw new IllegalStateException("An organisation lock lasts for a transaction: begin one first");
        }
        for (String org : new TreeSet<>(organizationIds)) {
            if (!call(c, "SELECT pg_try_advisory_xact_lock(?, hashtext(?))", org)) {
                waiting.accept(holder(c, org));
                call(c, "SELECT pg_advisory_xact_lock(?, hashtext(?)) IS NOT NULL", org);
            }
        }
    }

    /** A lock held across the transactions of one connection (a generation commits per chunk); close releases it. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * As {@link #lock}, held by the session of {@code c} until {@link Held#close()} (or until the
     * session ends, also when the desktop dies): for work that commits more than once.
     */
    public static Held lockSession(Connection c, String organizationId, Consumer<String> waiting) throws SQLException {
        if (Database.engineOf(c) != Database.Engine.POSTGRESQL) {
            return () -> { };
        }
        if (!call(c, "SELECT pg_try_advisory_lock(?, hashtext(?))", organizationId)) {
            waiting.accept(holder(c, organizationId));
            call(c, "SELECT pg_advisory_lock(?, hashtext(?)) IS NOT NULL", organizationId);
        }
        return () -> {
            try {
                call(c, "SELECT pg_advisory_unlock(?, hashtext(?))", organizationId);
            } catch (SQLException e) {
                throw new DatabaseException("Cannot release the lock of organisation " + organizationId + ": " + e.getMessage(), e);
            }
        };
    }

    /** The key that stands for organisations not stored yet: only an import by the operator or a global admin brings them. */
    public static final String NEW_ORGANIZATIONS = "*";

    /**
     * What an import by the local operator or a global admin may touch: every organisation in the
     * database, and {@link #NEW_ORGANIZATIONS} (two such imports of a first bundle would both insert it).
     */
    public static List<String> allOrganizationsAndNew(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM organizations ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            List<String> ids = new java.util.ArrayList<>(List.of(NEW_ORGANIZATIONS));
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        }
    }

    private static boolean call(Connection c, String sql, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, LOCK_CLASS);
            ps.setString(2, org);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Who holds the lock of {@code org}: "application (user, since time)", or the organisation alone if it was just released. */
    static String holder(Connection c, String org) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT a.application_name, a.usename, a.xact_start
                FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted AND CAST(l.classid AS BIGINT) = ? AND l.objsubid = 2
                  AND CAST(l.objid AS BIGINT) = (CAST(hashtext(?) AS BIGINT) & 4294967295)""")) {
            ps.setLong(1, LOCK_CLASS);
            ps.setString(2, org);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    java.time.OffsetDateTime since = rs.getObject(3, java.time.OffsetDateTime.class);
                    return rs.getString(1) + " (" + rs.getString(2) + (since == null ? "" : ", since " + since.toLocalTime()
                            .withNano(0)) + ") on " + org;
                }
            }
        }
        return org;
    }
}
