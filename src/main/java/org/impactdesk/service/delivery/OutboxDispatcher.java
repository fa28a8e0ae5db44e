package org.impactdesk.service.delivery;

import java.time.Clock;
import java.util.List;
import org.impactdesk.domain.NotificationSender;
import org.impactdesk.store.Database;
import org.impactdesk.store.NotificationOutboxDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends queued notifications after the transaction that queued them has committed, and marks
 * each sent in its own transaction right after it is sent: what was sent is never sent again,
 * and what a stop, a kill or a failed send left queued is sent by the next run or dispatch (a
 * kill can only come between a send and its mark, a window of one notification). A
 * failed send stays queued with its error and the time of its next attempt (backoff).
 */
public final class OutboxDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final Database database;
    private final NotificationSender sender;
    private final Clock clock;

    public OutboxDispatcher(Database database, NotificationSender sender, Clock clock) {
        this.database = database;
        this.sender = sender;
        this.clock = clock;
    }

    /** Sends the committed notifications just queued by a run (those still unsent). Returns how many were sent. */
    public int dispatchQueued(List<NotificationSender.Notification> queued) {
        if (queued.isEmpty()) {
            return 0;
        }
        NotificationOutboxDao outbox = new NotificationOutboxDao(database.jdbi());
        return send(outbox, outbox.unsent(queued));
    }

    /** Sends every due notification (queued, or failed and due again). Returns how many were sent. */
    public int dispatchDue() {
        NotificationOutboxDao outbox = new NotificationOutboxDao(database.jdbi());
        return send(outbox, outbox.due(clock.instant()));
    }

    private int send(NotificationOutboxDao outbox, List<NotificationSender.Notification> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        // H2 writes commits to the file a moment later: what was queued is made durable before
        // anything is sent, so no kill can lose a summary whose notification went out
        database.checkpointSync();
        int sent = 0;
        int waiting = 0;
        try (NotificationSender.Batch batch = sender.batch()) { // one SMTP session for the dispatch
            for (NotificationSender.Notification n : rows) {
                if (database.stopRequested()) {
                    break; // the rest stay queued for the next run
                }
                try {
                    batch.send(n);
                } catch (NotificationSender.NoChannelException e) {
                    waiting++;
                    continue; // stays queued as it is: no channel is no failed attempt
                } catch (Exception e) {
                    LOG.warn("Notification {} for {} {} not sent, will retry: {}", n.outboxId(), n.summaryTable(), n.summaryId(),
                            e.toString());
                    outbox.markFailed(n, e.toString(), clock.instant());
                    continue;
                }
                outbox.markSent(n, clock.instant());
                database.checkpointSync(); // the mark survives a kill that follows, so it is never sent again
                sent++;
            }
        }
        if (waiting > 0) {
            LOG.info("{} notification(s) stay queued: no channel to send them through", waiting);
        }
        return sent;
    }
}
