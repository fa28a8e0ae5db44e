package org.impactdesk.domain;

/**
 * A local association linked to a person: a peer mentor's membership ({@code ownerId} = the
 * peer mentor id) or a coordinator's scope ({@code ownerId} = the coordinator's user id).
 */
public record Membership(String ownerId, String associationId, String associationName) {
}
