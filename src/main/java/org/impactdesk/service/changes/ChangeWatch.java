package org.impactdesk.service.changes;

import java.util.Optional;
import org.impactdesk.domain.DataChange;

/**
 * Whether the data changed elsewhere (another desktop or command on the same team database) since a
 * window loaded it. Both calls are one small indexed read, made on a worker.
 */
public interface ChangeWatch {
    /** The newest change so far: what the window has seen once it (re)loads. */
    long newest();

    /**
     * The newest change made elsewhere after {@code seen}, if any, of data everyone sees or only
     * {@code userId} sees (their own follow-up notes; null: the local operator, everyone's only).
     */
    Optional<DataChange> changedElsewhereAfter(long seen, String userId);
}
