package org.impactdesk.domain;

import java.util.Set;

/** A coordinator and the local associations in their scope (the store reads it, the team calculation uses it). */
public record Coordinator(String userId, String organizationId, Set<String> localAssociationIds) {
    public Coordinator {
        localAssociationIds = Set.copyOf(localAssociationIds);
    }
}
