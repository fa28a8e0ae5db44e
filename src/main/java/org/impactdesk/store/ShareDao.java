package org.impactdesk.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.impactdesk.access.Scope;
import org.jdbi.v3.core.Jdbi;

/**
 * The annual summary as the Wrapped previewer and the share service read it, and the share
 * counter. Reads are scoped in SQL ({@link Scope#SQL_SUMMARY_FILTER}); the mentor's display
 * name leaves the database only when the mentor opted in to showing their first name.
 */
public final class ShareDao {

    /**
     * One annual summary row, for sharing and previewing.
     *
     * @param consentedDisplayName the mentor's display name when {@code share_first_name} is
     *                             true, else null
     */
    public record AnnualSummaryRow(UUID id, String peerMentorId, int year, String status, boolean dataSufficiency,
                                   String payloadJson, int sharedCount, String shareImageKey, String sharePdfKey,
                                   Instant generatedAt, Instant viewedAt, Instant updatedAt,
                                   String consentedDisplayName, java.time.ZoneId organizationZone) {
        public boolean isShared() {
            return sharedCount > 0;
        }
    }

    private final Jdbi jdbi;

    public ShareDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<AnnualSummaryRow> findAnnual(String peerMentorId, int year, Scope scope) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.id, s.peer_mentor_id, s.year, s.status, s.data_sufficiency, s.payload_json,
                               s.shared_count, s.share_image_key, s.share_pdf_key, s.generated_at, s.viewed_at,
                               s.updated_at,
                               CASE WHEN pm.share_first_name THEN u.display_name END AS consented_display_name,
                               o.time_zone
                        FROM annual_summaries s
                        JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                        JOIN users u ON u.id = pm.user_id
                        JOIN organizations o ON o.id = s.organization_id
                        WHERE s.peer_mentor_id = :pm AND s.year = :year AND """ + Scope.SQL_SUMMARY_FILTER
                                + " AND " + Scope.SQL_ANNUAL_RELEASED_FOR_SELF)
                .bind("pm", peerMentorId)
                .bind("year", year)
                .bindMethods("scope", scope)
                .map((rs, ctx) -> new AnnualSummaryRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("peer_mentor_id"),
                        rs.getInt("year"),
                        rs.getString("status"),
                        rs.getBoolean("data_sufficiency"),
                        rs.getString("payload_json"),
                        rs.getInt("shared_count"),
                        rs.getString("share_image_key"),
                        rs.getString("share_pdf_key"),
                        instant(rs.getObject("generated_at", OffsetDateTime.class)),
                        instant(rs.getObject("viewed_at", OffsetDateTime.class)),
                        instant(rs.getObject("updated_at", OffsetDateTime.class)),
                        rs.getString("consented_display_name"),
                        java.time.ZoneId.of(rs.getString("time_zone"))))
                .findOne());
    }

    /**
     * Counts one share, atomically in one UPDATE, and records the asset keys written (a null
     * key keeps the one stored). Only a {@code ready} summary counts a share.
     *
     * @return true when the row was ready and was counted
     */
    public boolean incrementShared(UUID summaryId, String imageKey, String pdfKey) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE annual_summaries
                        SET shared_count = shared_count + 1,
                            share_image_key = COALESCE(:img, share_image_key),
                            share_pdf_key = COALESCE(:pdf, share_pdf_key),
                            updated_at = CURRENT_TIMESTAMP
                        WHERE id = :id AND status = 'ready' AND """ + RELEASED + ")")
                .bind("id", summaryId)
                .bind("img", imageKey)
                .bind("pdf", pdfKey)
                .execute()) == 1;
    }

    /** Annual summary {@code annual_summaries.id} may be shared: released, or its organisation needs no review. */
    private static final String RELEASED = """
            (NOT COALESCE((SELECT d.wrapped_review_required FROM organization_delivery d
                           WHERE d.organization_id = annual_summaries.organization_id), TRUE)
             OR EXISTS (SELECT 1 FROM annual_releases r WHERE r.annual_summary_id = annual_summaries.id
                        AND r.released_at IS NOT NULL)""";

    /** Whether the ready annual summary waits for its release (its organisation needs review and it is not released). */
    public boolean awaitsRelease(UUID summaryId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM annual_summaries WHERE id = :id AND NOT "
                        + RELEASED + ")").bind("id", summaryId).mapTo(Integer.class).one()) > 0;
    }

    /** Writes {@code viewed_at} at the mentor's first view only; later views change nothing. */
    public boolean markViewed(UUID summaryId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE annual_summaries SET viewed_at = CURRENT_TIMESTAMP, updated_at = CURRENT_TIMESTAMP
                        WHERE id = :id AND viewed_at IS NULL""")
                .bind("id", summaryId)
                .execute()) == 1;
    }

    /** The mentor's opt-in to show their first name on share cards. */
    public void setShareFirstName(String peerMentorId, boolean allowed) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE peer_mentors SET share_first_name = :allowed WHERE id = :id")
                .bind("allowed", allowed)
                .bind("id", peerMentorId)
                .execute());
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
