package org.impactdesk.service.delivery;

import java.util.List;
import java.util.function.IntSupplier;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.MailSettings;
import org.impactdesk.store.DeliveryDao;

/** {@link DeliveryService} over the store; sending goes through the outbox's dispatch. */
public final class StoredDeliveryService implements DeliveryService {
    private final DeliveryDao dao;
    private final TypedSmtpPasswords typed;
    private final SmtpPasswords environment;
    private final IntSupplier dispatch;

    /** {@code dispatch}: sends every due notification and says how many went. */
    public StoredDeliveryService(DeliveryDao dao, TypedSmtpPasswords typed, SmtpPasswords environment, IntSupplier dispatch) {
        this.dao = dao;
        this.typed = typed;
        this.environment = environment;
        this.dispatch = dispatch;
    }

    @Override
    public Status status(String organizationId, Actor actor) {
        requireAdmin(organizationId, actor);
        MailSettings s = dao.settings(organizationId);
        boolean fromEnv = environment.password(s).isPresent();
        Blocked blocked = !s.configured() ? Blocked.NO_EMAIL_CONFIGURED
                : s.user() != null && !fromEnv && !typed.has(organizationId) ? Blocked.NO_PASSWORD : Blocked.NONE;
        return new Status(s, dao.queue(organizationId), blocked, fromEnv);
    }

    @Override
    public void save(MailSettings settings, Actor actor) {
        requireAdmin(settings.organizationId(), actor);
        List<MailSettings.Problem> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new DeliveryRefusedException("The e-mail settings of " + settings.organizationId() + " were not saved: "
                    + String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()), problems);
        }
        dao.save(settings, actor.isLocalOperator() ? "local-operator" : actor.userId());
    }

    @Override
    public int sendQueuedNow(String organizationId, char[] password, Actor actor) {
        requireAdmin(organizationId, actor);
        if (password != null && password.length > 0) {
            typed.put(organizationId, password);
        }
        return dispatch.getAsInt();
    }

    private static void requireAdmin(String organizationId, Actor actor) {
        if (!actor.isGlobalAdmin() && !(actor.isAdmin() && organizationId.equals(actor.organizationId()))) {
            throw new DeliveryRefusedException("Only an administrator of " + organizationId
                    + " sees and changes its e-mail settings.", List.of());
        }
    }
}
