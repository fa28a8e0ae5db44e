package org.impactdesk.domain;

import java.time.LocalDate;

/**
 * A peer mentor's profile status as imported ({@code peer_mentors.status}: {@code active},
 * {@code paused} or {@code inactive}) and start date (null when unknown). The Team screen shows
 * a paused mentor as paused instead of an outlier badge; the stored {@code outlier_status} is never
 * changed for it.
 */
public record MentorStanding(String peerMentorId, String status, LocalDate startedOn) {

    public static final String PAUSED = "paused";

    public boolean paused() {
        return PAUSED.equals(status);
    }
}
