package org.impactdesk.service.alerts;

import java.time.Instant;
import org.impactdesk.store.Database;

/**
 * Puts failed generations into a database holding the worked example with 2025 generated: pm-1's
 * annual summary failed four times (retries used up, its alert open) and pm-2's failed once, its
 * retry due a minute before {@code now}. For the tests of the command line and the window, which
 * run on the real clock and cannot reach the generation's test seam.
 */
public final class FailedGenerations {
    private FailedGenerations() {
    }

    public static void mark(Database db, Instant now) {
        db.jdbi().useHandle(h -> {
            h.execute("""
                    UPDATE annual_summaries SET status = 'failed', generation_status = 'failed',
                        generation_error = 'IllegalStateException: disk on fire', retry_count = 4, next_retry_at = NULL
                    WHERE peer_mentor_id = 'pm-1' AND year = 2025""");
            h.execute("""
                    INSERT INTO alerts (kind, message, organisation_id, summary_table, summary_id, peer_mentor_id, period)
                    SELECT 'summary_generation_failed', 'Generation of the annual summary 2025 of pm-1 failed 4 times',
                        organization_id, 'annual_summaries', id, peer_mentor_id, '2025'
                    FROM annual_summaries WHERE peer_mentor_id = 'pm-1' AND year = 2025""");
            h.createUpdate("""
                    UPDATE annual_summaries SET status = 'failed', generation_status = 'failed',
                        generation_error = 'IllegalStateException: transient', retry_count = 1, next_retry_at = :due
                    WHERE peer_mentor_id = 'pm-2' AND year = 2025""")
                    .bind("due", now.minusSeconds(60)).execute();
        });
    }
}
