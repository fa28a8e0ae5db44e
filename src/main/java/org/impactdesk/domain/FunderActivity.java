package org.impactdesk.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One activity row as the funder report reads it: no contact name, only the contact id the
 * counting rules need (distinct contacts, one visit per contact and day), never shown or exported.
 * {@code mentorStartedOn} is the peer mentor's {@code started_on} (null when unknown).
 */
public record FunderActivity(String id, String localAssociationId, String peerMentorId, String activityType,
                             Instant startedAt, int durationMinutes, String contactId, String approvalStatus,
                             String eventId, LocalDate mentorStartedOn) {

    public boolean approved() {
        return "approved".equals(approvalStatus);
    }
}
