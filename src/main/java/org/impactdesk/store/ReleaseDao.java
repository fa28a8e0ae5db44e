package org.impactdesk.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.ReleaseLine;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The review before release (issue 19): each annual summary's release state
 * ({@code annual_releases}, beside the summary, never in it) and the organisation's switch
 * "Wrapped needs review before release" ({@code organization_delivery}, on when no row says
 * otherwise). Reads are scoped in SQL ({@link Scope#SQL_MENTOR_FILTER}).
 */
public final class ReleaseDao {
    private static final String LINE_SELECT = """
            SELECT s.id, s.peer_mentor_id, s.user_id, u.display_name, s.organization_id, o.name AS organization_name,
                   s.year, s.status,
                   COALESCE(d.wrapped_review_required, TRUE) AS review_required,
                   r.previewed_at, r.previewed_by, r.held_at, r.held_by, r.held_reason, r.released_at, r.released_by
            FROM annual_summaries s
            JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
            JOIN users u ON u.id = s.user_id
            JOIN organizations o ON o.id = s.organization_id
            LEFT JOIN organization_delivery d ON d.organization_id = s.organization_id
            LEFT JOIN annual_releases r ON r.annual_summary_id = s.id
            """;

    private final Jdbi jdbi;

    public ReleaseDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Whether the organisation reviews each Wrapped before release (the default: yes). */
    public static boolean reviewRequired(Handle h, String organizationId) {
        return h.createQuery("SELECT wrapped_review_required FROM organization_delivery WHERE organization_id = :o")
                .bind("o", organizationId).mapTo(Boolean.class).findOne().orElse(true);
    }

    public boolean reviewRequired(String organizationId) {
        return jdbi.withHandle(h -> reviewRequired(h, organizationId));
    }

    /** Sets the switch, keeping the organisation's other delivery settings. */
    public void setReviewRequired(String organizationId, boolean required, String by) {
        jdbi.useHandle(h -> h.createUpdate("""
                MERGE INTO organization_delivery d USING (VALUES (CAST(:o AS VARCHAR(64)))) AS x(o) ON d.organization_id = x.o
                WHEN MATCHED THEN UPDATE SET wrapped_review_required = :r, updated_at = CURRENT_TIMESTAMP, updated_by = :by
                WHEN NOT MATCHED THEN INSERT (organization_id, wrapped_review_required, updated_by) VALUES (x.o, :r, :by)""")
                .bind("o", organizationId).bind("r", required).bind("by", by).execute());
    }

    /** The year's annual summaries in scope (of one organisation, or all when null), by mentor name. */
    public List<ReleaseLine> lines(int year, String organizationId, Scope scope) {
        return jdbi.withHandle(h -> h.createQuery(LINE_SELECT + """
                        WHERE s.year = :year AND (CAST(:org AS VARCHAR(64)) IS NULL OR s.organization_id = :org) AND """
                        + Scope.SQL_MENTOR_FILTER + " ORDER BY u.display_name, s.peer_mentor_id")
                .bind("year", year).bind("org", organizationId).bindMethods("scope", scope)
                .map((rs, ctx) -> new ReleaseLine(rs.getObject("id", UUID.class), rs.getString("peer_mentor_id"),
                        rs.getString("user_id"), rs.getString("display_name"), rs.getString("organization_id"),
                        rs.getString("organization_name"), rs.getInt("year"), rs.getString("status"), rs.getBoolean("review_required"),
                        instant(rs.getObject("previewed_at", OffsetDateTime.class)), rs.getString("previewed_by"),
                        instant(rs.getObject("held_at", OffsetDateTime.class)), rs.getString("held_by"),
                        rs.getString("held_reason"), instant(rs.getObject("released_at", OffsetDateTime.class)),
                        rs.getString("released_by")))
                .list());
    }

    /** The years with an annual summary in scope, latest first. */
    public List<Integer> years(Scope scope) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT DISTINCT s.year FROM annual_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                        WHERE """ + Scope.SQL_MENTOR_FILTER + " ORDER BY s.year DESC")
                .bindMethods("scope", scope).mapTo(Integer.class).list());
    }

    /** Records the first preview by an admin (later previews keep the first); never touches the summary. */
    public void markPreviewed(UUID summaryId, String by, Instant at) {
        jdbi.useHandle(h -> markPreviewed(h, summaryId, by, at));
    }

    /** As above, in the caller's transaction; true when this was the first preview (a row changed). */
    public static boolean markPreviewed(Handle h, UUID summaryId, String by, Instant at) {
        return h.createUpdate("""
                MERGE INTO annual_releases r USING (VALUES (CAST(:id AS UUID))) AS x(id) ON r.annual_summary_id = x.id
                WHEN MATCHED AND r.previewed_at IS NULL THEN UPDATE SET previewed_at = :at, previewed_by = :by
                WHEN NOT MATCHED THEN INSERT (annual_summary_id, previewed_at, previewed_by) VALUES (x.id, :at, :by)""")
                .bind("id", summaryId).bind("at", at).bind("by", by).execute() == 1;
    }

    /** Holds a summary back with a reason; false when it is released already (a release is not taken back). */
    public boolean hold(UUID summaryId, String by, String reason, Instant at) {
        return jdbi.withHandle(h -> hold(h, summaryId, by, reason, at));
    }

    /** As above, in the caller's transaction. */
    public static boolean hold(Handle h, UUID summaryId, String by, String reason, Instant at) {
        return h.createUpdate("""
                MERGE INTO annual_releases r USING (VALUES (CAST(:id AS UUID))) AS x(id) ON r.annual_summary_id = x.id
                WHEN MATCHED AND r.released_at IS NULL THEN UPDATE SET held_at = :at, held_by = :by, held_reason = :reason
                WHEN NOT MATCHED THEN INSERT (annual_summary_id, held_at, held_by, held_reason) VALUES (x.id, :at, :by, :reason)""")
                .bind("id", summaryId).bind("at", at).bind("by", by).bind("reason", reason).execute() == 1;
    }

    /**
     * Releases the summary in the caller's transaction and queues its notification in the outbox
     * (once per summary: a second release queues nothing). False when it was released already.
     */
    public static boolean release(Handle h, ReleaseLine line, String by, Instant at) {
        int changed = h.createUpdate("""
                MERGE INTO annual_releases r USING (VALUES (CAST(:id AS UUID))) AS x(id) ON r.annual_summary_id = x.id
                WHEN MATCHED AND r.released_at IS NULL THEN UPDATE SET released_at = :at, released_by = :by,
                    held_at = NULL, held_by = NULL, held_reason = NULL
                WHEN NOT MATCHED THEN INSERT (annual_summary_id, released_at, released_by) VALUES (x.id, :at, :by)""")
                .bind("id", line.summaryId()).bind("at", at).bind("by", by).execute();
        if (changed == 0) {
            return false;
        }
        h.createUpdate("""
                MERGE INTO notification_outbox o
                USING (VALUES ('annual_summaries', CAST(:id AS UUID), CAST(:user AS VARCHAR(64)), 'notification.annual_ready'))
                    AS x(t, id, u, k)
                ON o.summary_table = x.t AND o.summary_id = x.id
                WHEN NOT MATCHED THEN INSERT (summary_table, summary_id, user_id, message_key) VALUES (x.t, x.id, x.u, x.k)""")
                .bind("id", line.summaryId()).bind("user", line.userId()).execute();
        return true;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
