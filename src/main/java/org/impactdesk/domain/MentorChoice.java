package org.impactdesk.domain;

/** A peer mentor the signed-in user may see: for the manual award picker. */
public record MentorChoice(String peerMentorId, String userId, String displayName, String organizationId) {
    @Override
    public String toString() {
        return displayName;
    }
}
