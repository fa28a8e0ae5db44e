package org.impactdesk.service.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.GenerationFailure;

/**
 * Failed summary generations as an administrator sees and retries them (issue 14 item 3): the
 * open alerts (a summary whose three retries with backoff are used up) and the failures still
 * being retried, in the admin's scope (an org admin their organisation, a global admin or the
 * local operator all); "retry now" for one or all, the retries that are due (the window's timer
 * and {@code generate --retry-due}), and closing an alert. Coordinators and peer mentors are
 * refused ({@link AlertsRefusedException}): only administrators generate, so only they can act on
 * a failure. The database-backed one is {@link StoredAlertService}.
 */
public interface AlertService {

    /** The Home tile's figures: open alerts, and failures still being retried. */
    record Overview(int openAlerts, int retrying) {
    }

    /**
     * What a retry did: generation runs made, summaries that were due (or made due), the errors
     * of the runs (a summary that failed again), and the failures left in scope afterwards.
     */
    record RetryResult(int runs, int summariesDue, List<String> errors, Overview after, Optional<Instant> nextRetry) {
        public RetryResult {
            errors = List.copyOf(errors);
        }
    }

    /** Open alerts first (oldest first), then the failures being retried. */
    List<GenerationFailure> failures(Actor actor);

    Overview overview(Actor actor);

    /** Retries one failed summary now ({@code summaryId}), or every failed one in scope (null). */
    RetryResult retryNow(Actor actor, UUID summaryId);

    /**
     * Retries the failed summaries in scope whose next retry time has come; {@code organisationId}
     * and {@code year} narrow it (null: all).
     */
    RetryResult retryDue(Actor actor, String organisationId, Integer year);

    /** Closes an open alert as closed by the actor; false when there is no such open alert in scope. */
    boolean close(Actor actor, long alertId);

    /** When the next failed summary in scope falls due for a retry (one in the past: due now), if any. */
    Optional<Instant> nextRetry(Actor actor);
}
