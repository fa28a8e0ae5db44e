package org.impactdesk.service.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.impactdesk.domain.ActivityTypeName;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.Period;
import org.impactdesk.service.generation.GenerationService.RunParticipant;
import org.impactdesk.store.SummaryWriteDao;
/**
 * Notifying: the notification of each summary a run makes ready is queued in the outbox in the
 * chunk's transaction and dispatched only after that transaction commits
 * ({@link OrganizationRun#commitChunk}), each marked sent as soon as it is sent: a chunk that
 * fails to commit has notified nothing, and a stop or a kill between the commit and the dispatch
 * leaves the rows queued for the next run or dispatch, which sends each once. Touches the store
 * (the outbox, through {@link SummaryWriteDao}).
 */
abstract class RunNotifying extends RunComputing {
    final SummaryWriteDao out;
    /** The notifications queued in the chunk being written, dispatched after its commit. */
    final List<NotificationSender.Notification> chunkQueued = new ArrayList<>();

    RunNotifying(OrganizationSettings org, GenerationRequest req, List<Period> closed, GenerationReport report,
                List<GenerationListener.Ready> committedReady, List<RunParticipant> participants,
                Map<String, ActivityTypeName> activityTypes, Settings settings, SummaryWriteDao out) {
        super(org, req, closed, report, committedReady, participants, activityTypes, settings);
        this.out = out;
    }

    /**
     * Queues the notification of a summary in the chunk's transaction; {@code newSummary}: the
     * summary is inserted by this run (nothing can be queued for it yet). The organisation switch
     * (impact_summary_enabled = false) stops the annual and impact summaries and their
     * notifications; periodic summaries still notify (seed 004).
     */
    void queue(String table, UUID id, String userId, String messageKey, boolean newSummary) {
        if (!impactOn && !"periodic_summaries".equals(table)) {
            return;
        }
        if (newSummary) {
            out.queueNewNotification(table, id, userId, messageKey);
        } else {
            out.queueNotification(table, id, userId, messageKey);
        }
        chunkQueued.add(new NotificationSender.Notification(0, table, id, userId, messageKey));
        report.notificationQueued();
    }
}
