package org.impactdesk.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A summary whose generation failed, as an admin sees it: an open alert (its retries are used up,
 * {@code nextRetryAt} null until someone retries it) or a failure still being retried
 * ({@code alertId} null, {@code nextRetryAt} when). An alert raised before alerts named their
 * summary has only its message ({@code summaryTable}, {@code summaryId}, mentor and period null).
 *
 * @param summaryTable {@code annual_summaries} or {@code impact_summaries}
 * @param period       the summary's period as {@link Period#toString()} writes it ("2025", "2025-H1")
 * @param attempts     failed attempts so far (the first run and each retry)
 * @param since        when the alert was raised, or when the summary last failed for a retrying one
 */
public record GenerationFailure(Long alertId, String organisationId, String summaryTable, UUID summaryId,
                                String peerMentorId, String mentorName, String period, String error, int attempts,
                                Instant nextRetryAt, Instant since) {

    public enum State { ALERT, RETRYING }

    public State state() {
        return alertId == null ? State.RETRYING : State.ALERT;
    }

    /** "annual" or "impact" (null for an unlinked alert). */
    public String summaryKind() {
        if (summaryTable == null) {
            return null;
        }
        return summaryTable.startsWith("annual") ? "annual" : "impact";
    }
}
