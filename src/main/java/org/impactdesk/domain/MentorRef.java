package org.impactdesk.domain;

/**
 * A peer mentor the signed-in user may see: for pickers and titles. {@code associationName} is
 * their primary local association's name (null where the reader does not need it), which tells
 * two mentors of the same name apart.
 */
public record MentorRef(String peerMentorId, String userId, String displayName, String organizationId,
                        String associationName) {

    /** Without the association (a reader that never lists mentors side by side). */
    public MentorRef(String peerMentorId, String userId, String displayName, String organizationId) {
        this(peerMentorId, userId, displayName, organizationId, null);
    }
}
