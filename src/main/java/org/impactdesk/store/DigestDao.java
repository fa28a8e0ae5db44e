package org.impactdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The coordinators' digest after each sync (issue 19 item 5): who opted in
 * ({@code digest_subscriptions}), the organisations whose sync's digest is due
 * ({@code sync_digests_due}: marked in the import's transaction, taken once the sync's summaries
 * are up to date), and the digests queued ({@code sync_digests}, each with its row in the
 * notification outbox). The static methods work on the caller's connection, inside its transaction.
 */
public final class DigestDao {
    /** The outbox's name for a digest row, and the message key it is sent with. */
    public static final String TABLE = "sync_digests";
    public static final String MESSAGE_KEY = "notification.sync_digest";

    private final Jdbi jdbi;

    public DigestDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public boolean subscribed(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM digest_subscriptions WHERE user_id = :u")
                .bind("u", userId).mapTo(Integer.class).one() > 0);
    }

    /** Opts the user in (from {@code at}; kept as it is when already in) or out. */
    public void setSubscribed(String userId, boolean in, Instant at) {
        jdbi.useTransaction(h -> {
            if (!in) {
                h.createUpdate("DELETE FROM digest_subscriptions WHERE user_id = :u").bind("u", userId).execute();
                return;
            }
            h.createUpdate("""
                    INSERT INTO digest_subscriptions (user_id, opted_in_at)
                    SELECT u.id, :at FROM users u
                    WHERE u.id = :u AND NOT EXISTS (SELECT 1 FROM digest_subscriptions d WHERE d.user_id = u.id)""")
                    .bind("u", userId).bind("at", at).execute();
        });
    }

    /**
     * The opted-in coordinators (users with the coordinator role) of {@code organizationId}, or of
     * every organisation when null, read on the caller's connection.
     */
    public static List<String> subscribers(Connection c, String organizationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT d.user_id FROM digest_subscriptions d JOIN users u ON u.id = d.user_id
                WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = d.user_id AND r.role = 'coordinator')
                  AND (CAST(? AS VARCHAR(64)) IS NULL OR u.organization_id = ?)
                ORDER BY d.user_id""")) {
            ps.setString(1, organizationId);
            ps.setString(2, organizationId);
            return strings(ps);
        }
    }

    /**
     * The organisations with an opted-in coordinator: {@code organizationId}'s (when it has one), or
     * every such organisation when null; read on the import's connection.
     */
    public static List<String> subscribedOrganizations(Connection c, String organizationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT u.organization_id FROM digest_subscriptions d JOIN users u ON u.id = d.user_id
                WHERE u.organization_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = d.user_id AND r.role = 'coordinator')
                  AND (CAST(? AS VARCHAR(64)) IS NULL OR u.organization_id = ?)
                ORDER BY u.organization_id""")) {
            ps.setString(1, organizationId);
            ps.setString(2, organizationId);
            return strings(ps);
        }
    }

    /** Marks the organisation's digest due after a sync that ended at {@code syncedAt} (a mark already there takes the later time). */
    public static void markDue(Connection c, String organizationId, Instant syncedAt) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(syncedAt, ZoneOffset.UTC);
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE sync_digests_due SET synced_at = ? WHERE organization_id = ?")) {
            update.setObject(1, at);
            update.setString(2, organizationId);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO sync_digests_due (organization_id, synced_at) VALUES (?, ?)")) {
            insert.setString(1, organizationId);
            insert.setObject(2, at);
            insert.executeUpdate();
        }
    }

    /**
     * The due digests by organisation (when the sync that made each due ended), of these
     * organisations, or of all when null, ordered by organisation.
     */
    public static Map<String, Instant> due(Connection c, Collection<String> organizationIds) throws SQLException {
        Map<String, Instant> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT organization_id, synced_at FROM sync_digests_due ORDER BY organization_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (organizationIds == null || organizationIds.contains(rs.getString(1))) {
                    out.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        return out;
    }

    /**
     * Takes the organisation's due mark as it was read (deleted in the caller's transaction): false
     * when another run took it, or a newer sync moved it on, meanwhile (that one sends the digest).
     */
    public static boolean takeDue(Connection c, String organizationId, Instant syncedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM sync_digests_due WHERE organization_id = ? AND synced_at = ?")) {
            ps.setString(1, organizationId);
            ps.setObject(2, OffsetDateTime.ofInstant(syncedAt, ZoneOffset.UTC));
            return ps.executeUpdate() > 0;
        }
    }

    /**
     * Whether a sync left summaries of the organisation's mentors in these years for a generation to
     * bring up to date.
     */
    public static boolean anyStale(Connection c, String organizationId, Collection<Integer> years) throws SQLException {
        if (years.isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT COUNT(*) FROM stale_summary_inputs s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                WHERE pm.organization_id = ? AND s.year IN (%s)""".formatted(String.join(", ",
                java.util.Collections.nCopies(years.size(), "?"))))) {
            ps.setString(1, organizationId);
            int i = 2;
            for (int year : years) {
                ps.setInt(i++, year);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static List<String> strings(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The content of the user's latest digest, if any. */
    public static Optional<String> lastContent(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT content_json FROM sync_digests WHERE user_id = ? ORDER BY synced_at DESC, id DESC
                FETCH FIRST 1 ROWS ONLY""")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Stores a digest and queues its notification in the outbox, on the import's connection (not committed here). */
    public static void queue(Connection c, UUID id, String userId, Instant syncedAt, String contentJson) throws SQLException {
        try (PreparedStatement digest = c.prepareStatement(
                "INSERT INTO sync_digests (id, user_id, synced_at, content_json) VALUES (?, ?, ?, ?)");
             PreparedStatement outbox = c.prepareStatement(
                     "INSERT INTO notification_outbox (summary_table, summary_id, user_id, message_key) VALUES (?, ?, ?, ?)")) {
            digest.setObject(1, id);
            digest.setString(2, userId);
            digest.setObject(3, OffsetDateTime.ofInstant(syncedAt, ZoneOffset.UTC));
            digest.setString(4, contentJson);
            digest.executeUpdate();
            outbox.setString(1, TABLE);
            outbox.setObject(2, id);
            outbox.setString(3, userId);
            outbox.setString(4, MESSAGE_KEY);
            outbox.executeUpdate();
        }
    }
}
