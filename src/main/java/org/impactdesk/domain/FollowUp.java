package org.impactdesk.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A coordinator's private follow-up of a peer mentor for one quarter or half: when they followed
 * up and a short note (may be empty). Read and written only by its author; never exported, shared
 * or summarised.
 */
public record FollowUp(String id, String peerMentorId, Period period, LocalDate followedUpOn, String note,
                       Instant createdAt, Instant updatedAt) {
}
