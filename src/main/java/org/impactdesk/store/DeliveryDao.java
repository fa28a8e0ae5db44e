package org.impactdesk.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.domain.NotificationQueue;
import org.jdbi.v3.core.Jdbi;

/**
 * What delivering a notification reads (issue 19): the organisation's delivery settings
 * ({@code organization_delivery}), the recipient, the annual summary's card payload, and the
 * outbox's counts. The SMTP password is never stored here.
 */
public final class DeliveryDao {
    /** The person a notification goes to, and only them. */
    public record Recipient(String userId, String displayName, String email, String organizationId) {
    }

    /** An annual summary's card: its payload and the display name the mentor agreed to show (else null). */
    public record AnnualCard(UUID summaryId, String userId, int year, String payloadJson, String consentedDisplayName) {
    }

    /** A coordinator's digest after a sync: when that sync was, and what it says ({@code SyncDigest}'s JSON). */
    public record Digest(UUID id, String userId, Instant syncedAt, String contentJson) {
    }

    private final Jdbi jdbi;

    public DeliveryDao(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public MailSettings settings(String organizationId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT language, wrapped_review_required, smtp_host, smtp_port, smtp_security, smtp_user, sender_address
                        FROM organization_delivery WHERE organization_id = :o""")
                .bind("o", organizationId)
                .map((rs, ctx) -> new MailSettings(organizationId, rs.getString("language"),
                        rs.getBoolean("wrapped_review_required"), rs.getString("smtp_host"),
                        (Integer) rs.getObject("smtp_port"),
                        rs.getString("smtp_security") == null ? null : MailSettings.Security.valueOf(rs.getString("smtp_security")),
                        rs.getString("smtp_user"), rs.getString("sender_address")))
                .findOne().orElse(MailSettings.defaults(organizationId)));
    }

    /** Stores the settings (valid ones: {@link MailSettings#problems()} is empty), who and when. */
    public void save(MailSettings s, String by) {
        jdbi.useHandle(h -> h.createUpdate("""
                MERGE INTO organization_delivery d USING (VALUES (CAST(:o AS VARCHAR(64)))) AS x(o) ON d.organization_id = x.o
                WHEN MATCHED THEN UPDATE SET language = :lang, wrapped_review_required = :review, smtp_host = :host,
                    smtp_port = :port, smtp_security = :sec, smtp_user = :user, sender_address = :sender,
                    updated_at = CURRENT_TIMESTAMP, updated_by = :by
                WHEN NOT MATCHED THEN INSERT (organization_id, language, wrapped_review_required, smtp_host, smtp_port,
                    smtp_security, smtp_user, sender_address, updated_by)
                    VALUES (x.o, :lang, :review, :host, :port, :sec, :user, :sender, :by)""")
                .bind("o", s.organizationId()).bind("lang", s.language()).bind("review", s.reviewRequired())
                .bind("host", s.configured() ? s.host().strip() : null).bind("port", s.configured() ? s.port() : null)
                .bind("sec", s.configured() && s.security() != null ? s.security().name() : null)
                .bind("user", s.configured() && s.user() != null && !s.user().isBlank() ? s.user().strip() : null)
                .bind("sender", s.configured() ? s.senderAddress().strip() : null).bind("by", by).execute());
    }

    public Optional<Recipient> recipient(String userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, display_name, email, organization_id FROM users WHERE id = :u")
                .bind("u", userId)
                .map((rs, ctx) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .findOne());
    }

    public Optional<AnnualCard> annualCard(UUID summaryId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.id, s.user_id, s.year, s.payload_json,
                               CASE WHEN pm.share_first_name THEN u.display_name END AS consented
                        FROM annual_summaries s JOIN peer_mentors pm ON pm.id = s.peer_mentor_id
                        JOIN users u ON u.id = s.user_id WHERE s.id = :id AND s.status = 'ready'""")
                .bind("id", summaryId)
                .map((rs, ctx) -> new AnnualCard(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5)))
                .findOne());
    }

    public Optional<Digest> digest(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, user_id, synced_at, content_json FROM sync_digests WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Digest(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, java.time.OffsetDateTime.class).toInstant(), rs.getString(4)))
                .findOne());
    }

    /**
     * The outbox counts of the organisation's users (every organisation's when null), and of the
     * failed ones the latest error and the earliest next attempt.
     */
    public NotificationQueue queue(String organizationId) {
        return jdbi.withHandle(h -> {
            NotificationQueue counts = h.createQuery("""
                            SELECT COUNT(CASE WHEN o.sent_at IS NULL AND o.attempts = 0 THEN 1 END),
                                   COUNT(CASE WHEN o.sent_at IS NULL AND o.attempts > 0 THEN 1 END),
                                   COUNT(o.sent_at),
                                   MIN(CASE WHEN o.sent_at IS NULL AND o.attempts > 0 THEN o.next_attempt_at END)
                            FROM notification_outbox o JOIN users u ON u.id = o.user_id
                            WHERE CAST(:o AS VARCHAR(64)) IS NULL OR u.organization_id = :o""")
                    .bind("o", organizationId)
                    .map((rs, ctx) -> new NotificationQueue(rs.getLong(1), rs.getLong(2), rs.getLong(3), null,
                            rs.getObject(4, java.time.OffsetDateTime.class) == null ? null
                                    : rs.getObject(4, java.time.OffsetDateTime.class).toInstant()))
                    .one();
            if (counts.failed() == 0) {
                return counts;
            }
            String error = h.createQuery("""
                            SELECT o.last_error FROM notification_outbox o JOIN users u ON u.id = o.user_id
                            WHERE (CAST(:o AS VARCHAR(64)) IS NULL OR u.organization_id = :o)
                              AND o.sent_at IS NULL AND o.attempts > 0 AND o.last_error IS NOT NULL
                            ORDER BY o.next_attempt_at DESC, o.id DESC FETCH FIRST 1 ROWS ONLY""")
                    .bind("o", organizationId).mapTo(String.class).findFirst().orElse(null);
            return new NotificationQueue(counts.waiting(), counts.failed(), counts.sent(), error, counts.nextAttemptAt());
        });
    }
}
