package org.impactdesk.domain;

import java.time.LocalDate;
import java.util.Set;

/** A peer mentor profile: who may get summaries, and the associations they belong to. */
public record PeerMentor(
        String id,
        String userId,
        String organizationId,
        String primaryLocalAssociationId,
        String status,
        LocalDate startedOn,
        Set<String> localAssociationIds) {

    public PeerMentor {
        localAssociationIds = Set.copyOf(localAssociationIds);
    }

    public boolean isActive() {
        return "active".equals(status);
    }

    /** Started on or before {@code date}, or start unknown. */
    public boolean startedBy(LocalDate date) {
        return startedOn == null || !startedOn.isAfter(date);
    }

    /** Known to have started on or before {@code date} (unknown does not count). */
    public boolean knownStartedBy(LocalDate date) {
        return startedOn != null && !startedOn.isAfter(date);
    }
}
