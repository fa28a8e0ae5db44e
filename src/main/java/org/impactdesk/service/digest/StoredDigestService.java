package org.impactdesk.service.digest;

import java.time.Clock;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.store.DigestDao;

/** {@link DigestService} over {@link DigestDao}. */
public final class StoredDigestService implements DigestService {
    private final DigestDao dao;
    private final Clock clock;

    public StoredDigestService(DigestDao dao, Clock clock) {
        this.dao = dao;
        this.clock = clock;
    }

    @Override
    public boolean canOptIn(Actor actor) {
        return actor != null && !actor.isLocalOperator() && actor.has(Role.COORDINATOR);
    }

    @Override
    public boolean optedIn(Actor actor) {
        return canOptIn(actor) && dao.subscribed(actor.userId());
    }

    @Override
    public void setOptedIn(Actor actor, boolean in) {
        if (!canOptIn(actor)) {
            throw new DigestRefusedException("Only a coordinator signed in as themselves opts in to the digest after each sync.");
        }
        dao.setSubscribed(actor.userId(), in, clock.instant());
    }
}
