package org.impactdesk.service.generation;

import org.impactdesk.domain.NotificationSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * Tests only: a sender that writes each notification to the log and counts it delivered (the
 * app has no log-only sender: without an e-mail channel notifications stay queued).
 */
public final class LogNotificationSender implements NotificationSender {
    private static final Logger LOG = LoggerFactory.getLogger(LogNotificationSender.class);

    @Override
    public void send(Notification n) {
        LOG.info("notification {} to user {}: {} {}", n.messageKey(), n.userId(), n.summaryTable(), n.summaryId());
    }
}
