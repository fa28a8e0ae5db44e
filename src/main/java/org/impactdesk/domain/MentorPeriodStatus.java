package org.impactdesk.domain;

/** A peer mentor's stored outlier status in one period, with their profile status ({@code active}, {@code paused} ...). */
public record MentorPeriodStatus(MentorRef mentor, String mentorStatus, Period period, OutlierStatus status) {

    /** Stored underactive or overloaded and the profile not paused. */
    public boolean flagged() {
        return !MentorStanding.PAUSED.equals(mentorStatus) && status != OutlierStatus.NORMAL;
    }
}
