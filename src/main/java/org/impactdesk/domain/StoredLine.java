package org.impactdesk.domain;

import java.math.BigDecimal;

/**
 * One stored {@code periodic_summaries} row as the Team screen reads it, with the name of its
 * person: a peer mentor's personal row ({@code peerMentorId} set, {@code coordinatorId} NULL) or a
 * coordinator's team row ({@code coordinatorId} = {@code userId}, {@code peerMentorId} NULL).
 * Every NULL stays NULL: no prior data is not 0.
 */
public record StoredLine(
        String peerMentorId, String userId, String coordinatorId, String displayName,
        int totalSessions, BigDecimal totalHours,
        Integer yoyDeltaSessions, BigDecimal yoyDeltaHours, BigDecimal yoyDeltaPercent,
        Integer priorYearTotalSessions, BigDecimal priorYearTotalHours,
        String outlierStatus, int underactiveThresholdSessions, int overloadedThresholdSessions) {
}
