package org.impactdesk.service.changes;

import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.DataChange;
import org.impactdesk.store.DataChanges;

/** {@link ChangeWatch} over the V98 log of changes. */
public final class StoredChangeWatch implements ChangeWatch {
    private final DataChanges changes;

    public StoredChangeWatch(DataChanges changes) {
        this.changes = changes;
    }

    @Override
    public long newest() {
        return changes.newest();
    }

    @Override
    public Optional<DataChange> changedElsewhereAfter(long seen, String userId) {
        return changes.newestElsewhereAfter(seen, userId);
    }

    /**
     * Who a change is recorded as: the person's name, or for the local operator (a command without
     * {@code --as}, the window's own retries) the operating-system user and host that ran it.
     */
    public static String nameOf(Actor actor) {
        if (actor == null || actor.isLocalOperator()) {
            return System.getProperty("user.name", "?") + "@" + host();
        }
        return actor.displayName();
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
