package org.impactdesk.service.generation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.Period;
import org.impactdesk.service.generation.GenerationService.RunParticipant;
import org.impactdesk.store.NotificationOutboxDao;
import org.impactdesk.store.SummaryWriteDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * Notifying: the notification of each summary a run makes ready, sent before the row is
 * written and recorded in the outbox with it, or queued for the dispatch. Touches the store
 * (the outbox, through {@link SummaryWriteDao}).
 */
abstract class RunNotifying extends RunComputing {
    private static final Logger LOG = LoggerFactory.getLogger(RunNotifying.class);
    final SummaryWriteDao out;

    RunNotifying(OrganizationSettings org, GenerationRequest req, List<Period> closed, GenerationReport report,
                List<GenerationListener.Ready> committedReady, List<RunParticipant> participants,
                Map<String, ActivityTypeName> activityTypes, Settings settings, SummaryWriteDao out) {
        super(org, req, closed, report, committedReady, participants, activityTypes, settings);
        this.out = out;
    }

    void queue(String table, java.util.UUID id, String userId, String messageKey) {
        if (!impactOn) {
            return; // the organisation switch: no notifications at all
        }
        out.queueNotification(table, id, userId, messageKey);
        report.notificationQueued();
    }

    /**
     * Sends the notification of a summary this run inserts, before the row is written, so the
     * row is inserted with its sent state and never rewritten for it (rewriting every new row
     * after the dispatch was a fifth of the generation time). The attempt is recorded in the
     * outbox with the summary: a failure is logged and retried later by
     * {@link GenerationService#dispatchNotifications()}, and never rolls the summary back. Null when the
     * organisation switch is off (no notifications at all). Caveat: the send precedes the
     * commit of the mentor's chunk, so a chunk that fails to commit after it has sent may have
     * notified a summary that the rerun then stores (and notifies) again (at most one chunk's).
     */
    Sent sendNow(String table, java.util.UUID id, String userId, String messageKey) {
        if (!impactOn) {
            return null;
        }
        NotificationSender.Notification n = new NotificationSender.Notification(0, table, id, userId, messageKey);
        Sent sent;
        try {
            sender.send(n);
            sent = new Sent(clock.instant(), null, null);
        } catch (Exception e) {
            LOG.warn("Notification for {} {} not sent, will retry: {}", table, id, e.toString());
            Instant at = clock.instant();
            sent = new Sent(null, e.toString(), at.plus(NotificationOutboxDao.BASE));
        }
        out.recordNotification(table, id, userId, messageKey, sent.at(), sent.error(), sent.nextAttempt());
        report.notificationQueued();
        return sent;
    }

    /** The outcome of sending a new summary's notification during the run: sent at, or error and next attempt. */
    record Sent(Instant at, String error, Instant nextAttempt) {
    }
}
