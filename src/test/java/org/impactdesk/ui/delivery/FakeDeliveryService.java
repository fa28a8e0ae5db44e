package org.impactdesk.ui.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.domain.NotificationQueue;
import org.impactdesk.service.delivery.DeliveryRefusedException;
import org.impactdesk.service.delivery.DeliveryService;

/**
 * {@link DeliveryService} in memory for ViewModel tests: settings by organisation, a queue the
 * test sets, "sending" that moves what waits to sent once a channel (and a password where a user
 * is set) exists; refuses as the real one does (non-admins, invalid settings).
 */
public final class FakeDeliveryService implements DeliveryService {
    public final Map<String, MailSettings> settings = new HashMap<>();
    public NotificationQueue queue = new NotificationQueue(0, 0, 0);
    public boolean passwordFromEnvironment;
    public boolean passwordTyped;
    public final List<MailSettings> saved = new ArrayList<>();
    /** What each sendQueuedNow was given as the password (a copy, taken before the caller clears it). */
    public final List<String> passwordsGiven = new ArrayList<>();
    public int statusCalls;

    @Override
    public Status status(String organizationId, Actor actor) {
        requireAdmin(organizationId, actor);
        statusCalls++;
        MailSettings s = settings.getOrDefault(organizationId, MailSettings.defaults(organizationId));
        Blocked blocked = !s.configured() ? Blocked.NO_EMAIL_CONFIGURED
                : s.user() != null && !passwordFromEnvironment && !passwordTyped ? Blocked.NO_PASSWORD : Blocked.NONE;
        return new Status(s, queue, blocked, passwordFromEnvironment);
    }

    @Override
    public void save(MailSettings s, Actor actor) {
        requireAdmin(s.organizationId(), actor);
        if (!s.problems().isEmpty()) {
            throw new DeliveryRefusedException("The e-mail settings of " + s.organizationId() + " were not saved", s.problems());
        }
        saved.add(s);
        settings.put(s.organizationId(), s);
    }

    @Override
    public int sendQueuedNow(String organizationId, char[] password, Actor actor) {
        requireAdmin(organizationId, actor);
        passwordsGiven.add(password == null ? null : new String(password));
        if (password != null && password.length > 0) {
            passwordTyped = true;
        }
        if (status(organizationId, actor).blocked() != Blocked.NONE) {
            return 0;
        }
        int sent = (int) (queue.waiting() + queue.failed());
        queue = new NotificationQueue(0, 0, queue.sent() + sent);
        return sent;
    }

    private static void requireAdmin(String organizationId, Actor actor) {
        if (!actor.isGlobalAdmin() && !(actor.isAdmin() && organizationId.equals(actor.organizationId()))) {
            throw new DeliveryRefusedException("Only an administrator of " + organizationId
                    + " sees and changes its e-mail settings.", List.of());
        }
    }
}
