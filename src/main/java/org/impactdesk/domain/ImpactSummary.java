package org.impactdesk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A row of {@code impact_summaries} (seed 003), with its scope bookkeeping (organisation, mentor). */
public record ImpactSummary(
        UUID id, String userId, String periodType, int year, Integer halfIndex, String status, String errorMessage,
        int activitiesCount, BigDecimal totalHours, int contactsHelped, int assignmentsCompleted,
        String metricsJson, String milestones, String headline, boolean notificationSent, int shareCount,
        Instant generatedAt, Instant createdAt, Instant updatedAt, String organizationId, String peerMentorId) {

    public static final java.util.Set<String> JSON_COLUMNS = java.util.Set.of("metrics_json", "milestones");

    public Map<String, Object> seedColumns() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toString());
        m.put("user_id", userId);
        m.put("period_type", periodType);
        m.put("year", year);
        m.put("half_index", halfIndex);
        m.put("status", status);
        m.put("error_message", errorMessage);
        m.put("activities_count", activitiesCount);
        m.put("total_hours", totalHours);
        m.put("contacts_helped", contactsHelped);
        m.put("assignments_completed", assignmentsCompleted);
        m.put("metrics_json", metricsJson);
        m.put("milestones", milestones);
        m.put("headline", headline);
        m.put("notification_sent", notificationSent);
        m.put("share_count", shareCount);
        m.put("generated_at", generatedAt);
        m.put("created_at", createdAt);
        m.put("updated_at", updatedAt);
        return m;
    }
}
