package org.impactdesk.domain;

import java.time.Instant;

/**
 * The notification outbox as admins see it (issue 19): waiting (never tried, or no channel to
 * send through), failed (tried, retried later) and sent; for the failed ones, why the latest
 * attempt failed ({@code lastError}, null when none failed) and when the next one is due
 * ({@code nextAttemptAt}, the earliest of them).
 */
public record NotificationQueue(long waiting, long failed, long sent, String lastError, Instant nextAttemptAt) {

    /** Counts only: nothing failed. */
    public NotificationQueue(long waiting, long failed, long sent) {
        this(waiting, failed, sent, null, null);
    }
}
