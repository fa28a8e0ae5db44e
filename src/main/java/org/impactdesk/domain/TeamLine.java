package org.impactdesk.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of the Team table: a peer mentor's stored periodic row, or a coordinator's team row
 * (the aggregate of their roster, {@link Kind#TEAM}). Figures are the stored ones; the
 * {@code yoy*} and {@code priorYear*} fields are {@code null} when the row has no prior data.
 * {@code mentorStatus} is the peer mentor's profile status ({@code active}, {@code paused},
 * {@code inactive}; null on a team row) and {@code startedOn} their start date (null: unknown): a
 * paused mentor keeps the stored {@code status} but is shown as paused, never as an outlier.
 */
public record TeamLine(
        Kind kind, String peerMentorId, String userId, String name, List<Association> associations,
        int sessions, BigDecimal hours,
        Integer yoyDeltaSessions, BigDecimal yoyDeltaHours, BigDecimal yoyDeltaPercent,
        Integer priorYearSessions, BigDecimal priorYearHours,
        OutlierStatus status, int underactiveThreshold, int overloadedThreshold,
        String mentorStatus, LocalDate startedOn) {

    public enum Kind { TEAM, MENTOR }

    public TeamLine {
        associations = List.copyOf(associations);
    }

    /** A line without a profile status (an active mentor, start unknown; or a team row). */
    public TeamLine(Kind kind, String peerMentorId, String userId, String name, List<Association> associations,
                    int sessions, BigDecimal hours,
                    Integer yoyDeltaSessions, BigDecimal yoyDeltaHours, BigDecimal yoyDeltaPercent,
                    Integer priorYearSessions, BigDecimal priorYearHours,
                    OutlierStatus status, int underactiveThreshold, int overloadedThreshold) {
        this(kind, peerMentorId, userId, name, associations, sessions, hours, yoyDeltaSessions, yoyDeltaHours,
                yoyDeltaPercent, priorYearSessions, priorYearHours, status, underactiveThreshold, overloadedThreshold,
                kind == Kind.TEAM ? null : "active", null);
    }

    /** A peer mentor whose profile is paused: shown as paused instead of an outlier badge. */
    public boolean paused() {
        return kind == Kind.MENTOR && MentorStanding.PAUSED.equals(mentorStatus);
    }

    /** Stored as underactive or overloaded and not paused: a mentor the coordinator may follow up. */
    public boolean flagged() {
        return kind == Kind.MENTOR && !paused() && status != OutlierStatus.NORMAL;
    }

    public boolean isTeam() {
        return kind == Kind.TEAM;
    }

    /** The association names, comma separated, in the order given. */
    public String associationNames() {
        return associations.stream().map(Association::name).collect(Collectors.joining(", "));
    }

    public boolean belongsTo(String associationId) {
        return associations.stream().anyMatch(a -> a.id().equals(associationId));
    }
}
