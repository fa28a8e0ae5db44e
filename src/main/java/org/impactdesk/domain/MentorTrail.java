package org.impactdesk.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What the Team side panel shows of one peer mentor: the profile status and start date, every
 * stored personal row of one period type (oldest first) and the signed-in user's own follow-ups of
 * the mentor (newest period first).
 */
public record MentorTrail(String peerMentorId, String status, LocalDate startedOn, List<PeriodRow> rows,
                          List<FollowUp> followUps) {

    public MentorTrail {
        rows = List.copyOf(rows);
        followUps = List.copyOf(followUps);
    }

    public boolean paused() {
        return MentorStanding.PAUSED.equals(status);
    }
}
