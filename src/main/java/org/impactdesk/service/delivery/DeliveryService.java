package org.impactdesk.service.delivery;

import org.impactdesk.access.Actor;
import org.impactdesk.domain.MailSettings;

/**
 * The organisation's e-mail channel as admins see it (issue 19): its settings (never a
 * password), the outbox (waiting, failed, sent) and why what waits is waiting, and sending what
 * is due now with a password typed for this session.
 */
public interface DeliveryService {

    /** Why queued notifications are not sent, or NONE when they can be. */
    enum Blocked { NONE, NO_EMAIL_CONFIGURED, NO_PASSWORD }

    /** The settings, the queue and whether it can be sent now. */
    record Status(MailSettings settings, org.impactdesk.domain.NotificationQueue queue, Blocked blocked, boolean passwordFromEnvironment) {
    }

    Status status(String organizationId, Actor actor);

    /** Stores valid settings (admins of the organisation); {@link MailSettings#problems()} refuse it field by field. */
    void save(MailSettings settings, Actor actor);

    /**
     * Keeps {@code password} for this session (never stored; null or empty: keep what is known)
     * and sends every due notification. Returns how many were sent.
     */
    int sendQueuedNow(String organizationId, char[] password, Actor actor);
}
