package org.impactdesk.service.generation;

import org.impactdesk.domain.NotificationSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * The desktop app has no push channel: a notification is delivered to the application log,
 * where the operator's tooling picks it up.
 */
public final class LogNotificationSender implements NotificationSender {
    private static final Logger LOG = LoggerFactory.getLogger(LogNotificationSender.class);

    @Override
    public void send(Notification n) {
        LOG.info("notification {} to user {}: {} {}", n.messageKey(), n.userId(), n.summaryTable(), n.summaryId());
    }
}
