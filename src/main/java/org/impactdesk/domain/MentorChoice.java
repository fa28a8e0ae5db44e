package org.impactdesk.domain;

/**
 * A peer mentor the signed-in user may see: for the manual award picker. {@code associationName}:
 * their primary local association, which tells two mentors of the same name apart.
 */
public record MentorChoice(String peerMentorId, String userId, String displayName, String organizationId,
                           String associationName) {
    @Override
    public String toString() {
        return displayName;
    }
}
