package org.impactdesk.domain;

/** A peer mentor the signed-in user may see: for pickers and titles. */
public record MentorRef(String peerMentorId, String userId, String displayName, String organizationId) {
}
