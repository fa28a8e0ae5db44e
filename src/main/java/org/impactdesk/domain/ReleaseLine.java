package org.impactdesk.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One annual summary's place in the review before release (issue 19): who it is, its status,
 * and who previewed, held back or released it, when. {@link #state()} derives the release state
 * from those: {@code released} also where the organisation needs no review. The organisation's
 * name is there for a global admin's list, which covers every organisation.
 */
public record ReleaseLine(UUID summaryId, String peerMentorId, String userId, String displayName, String organizationId,
                          String organizationName, int year, String status, boolean reviewRequired, Instant previewedAt, String previewedBy,
                          Instant heldAt, String heldBy, String heldReason, Instant releasedAt, String releasedBy) {

    public enum State {
        WAITING, PREVIEWED, HELD, RELEASED;

        /** The word CLI.md's {@code show release --json} prints. */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public State state() {
        if (releasedAt != null || !reviewRequired) {
            return State.RELEASED;
        }
        if (heldAt != null) {
            return State.HELD;
        }
        return previewedAt != null ? State.PREVIEWED : State.WAITING;
    }

    public boolean ready() {
        return "ready".equals(status);
    }

    /** Ready and neither released nor held back: an admin still has it to review and release. */
    public boolean toReview() {
        return ready() && (state() == State.WAITING || state() == State.PREVIEWED);
    }
}
