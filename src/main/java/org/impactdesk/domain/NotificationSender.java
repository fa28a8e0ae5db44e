package org.impactdesk.domain;

/**
 * Delivers one queued notification (notification_outbox). Throwing means "not sent": the
 * outbox row is retried later; the summary is never rolled back.
 */
public interface NotificationSender {
    void send(Notification notification) throws Exception;

    /**
     * Notifications sent one after another (a dispatch of the outbox) over as few connections as
     * the channel allows: an e-mail sender keeps one SMTP session per server for the batch instead
     * of connecting for each message. Each {@link Batch#send} fails on its own, as {@link #send}
     * does. By default each is sent alone.
     */
    default Batch batch() {
        return new Batch() {
            @Override
            public void send(Notification notification) throws Exception {
                NotificationSender.this.send(notification);
            }

            @Override
            public void close() {
            }
        };
    }

    /** See {@link #batch()}; closing it ends its connections. */
    interface Batch extends AutoCloseable {
        void send(Notification notification) throws Exception;

        @Override
        void close();
    }

    /**
     * Thrown by {@link #send} when there is no channel to send it through (no e-mail configured
     * for the organisation, or no password given): the notification stays queued as it is, not
     * counted as an attempt and not marked sent, until a channel exists.
     */
    final class NoChannelException extends Exception {
        public NoChannelException(String message) {
            super(message);
        }
    }

    /**
     * A queued notification: which summary became ready, for whom, and the message key.
     * {@code outboxId} is 0 on the first attempt generation makes for a summary it inserts (its
     * outbox row is written with the summary, after the attempt).
     */
    record Notification(long outboxId, String summaryTable, java.util.UUID summaryId, String userId, String messageKey) {
    }
}
