package org.impactdesk.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of the Team table: a peer mentor's stored periodic row, or a coordinator's team row
 * (the aggregate of their roster, {@link Kind#TEAM}). Figures are the stored ones; the
 * {@code yoy*} and {@code priorYear*} fields are {@code null} when the row has no prior data.
 */
public record TeamLine(
        Kind kind, String peerMentorId, String userId, String name, List<Association> associations,
        int sessions, BigDecimal hours,
        Integer yoyDeltaSessions, BigDecimal yoyDeltaHours, BigDecimal yoyDeltaPercent,
        Integer priorYearSessions, BigDecimal priorYearHours,
        OutlierStatus status, int underactiveThreshold, int overloadedThreshold) {

    public enum Kind { TEAM, MENTOR }

    public TeamLine {
        associations = List.copyOf(associations);
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
