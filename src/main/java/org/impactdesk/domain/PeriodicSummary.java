package org.impactdesk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A row of {@code periodic_summaries} (seed 004): a personal row ({@code coordinatorId} NULL,
 * {@code peerMentorId} set) or a coordinator's team row ({@code coordinatorId} = {@code userId}).
 */
public record PeriodicSummary(
        UUID id, String userId, String organisationId, String coordinatorId, String periodType, int year,
        Integer quarter, Integer half, Instant periodStart, Instant periodEnd, int totalSessions, BigDecimal totalHours,
        Integer yoyDeltaSessions, BigDecimal yoyDeltaHours, BigDecimal yoyDeltaPercent,
        Integer priorYearTotalSessions, BigDecimal priorYearTotalHours, String outlierStatus,
        int underactiveThresholdSessions, int overloadedThresholdSessions, Instant generatedAt,
        Instant notificationSentAt, String peerMentorId) {

    public boolean isTeamRow() {
        return coordinatorId != null;
    }

    public Map<String, Object> seedColumns() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toString());
        m.put("user_id", userId);
        m.put("organisation_id", organisationId);
        m.put("coordinator_id", coordinatorId);
        m.put("period_type", periodType);
        m.put("year", year);
        m.put("quarter", quarter);
        m.put("half", half);
        m.put("period_start", periodStart);
        m.put("period_end", periodEnd);
        m.put("total_sessions", totalSessions);
        m.put("total_hours", totalHours);
        m.put("yoy_delta_sessions", yoyDeltaSessions);
        m.put("yoy_delta_hours", yoyDeltaHours);
        m.put("yoy_delta_percent", yoyDeltaPercent);
        m.put("prior_year_total_sessions", priorYearTotalSessions);
        m.put("prior_year_total_hours", priorYearTotalHours);
        m.put("outlier_status", outlierStatus);
        m.put("underactive_threshold_sessions", underactiveThresholdSessions);
        m.put("overloaded_threshold_sessions", overloadedThresholdSessions);
        m.put("generated_at", generatedAt);
        m.put("notification_sent_at", notificationSentAt);
        return m;
    }
}
