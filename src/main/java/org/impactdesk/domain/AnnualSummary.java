package org.impactdesk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A row of {@code annual_summaries} (seeds 000 + 002). JSON columns hold JSON text. The
 * bookkeeping columns (retries, notification, content hash) are not part of the record.
 */
public record AnnualSummary(
        UUID id, String userId, String peerMentorId, String organizationId, String localAssociationId, int year,
        String status, String generationStatus, String generationError, boolean dataSufficiency,
        int totalActivities, BigDecimal totalHours, int totalContactsSupported, int contactsSupported,
        int totalEventsAttended, BigDecimal totalTravelKm,
        String activityBreakdown, String activityTypeBreakdown, String monthlyDistribution, Integer busiestMonth,
        Integer longestStreakDays, String activityStreaks, BigDecimal percentileRank, String topContacts,
        String impactMetrics, String milestones, String achievementsEarned, String slideData, String payloadJson,
        String shareImageUrl, String shareImageKey, String sharePdfKey, int sharedCount,
        Instant generatedAt, Instant viewedAt, Instant createdAt, Instant updatedAt) {

    public static final java.util.Set<String> JSON_COLUMNS = java.util.Set.of("activity_breakdown",
            "activity_type_breakdown", "monthly_distribution", "activity_streaks", "top_contacts", "impact_metrics",
            "milestones", "achievements_earned", "slide_data", "payload_json");

    /** The seed columns by their seed names, in table order (JSON columns still as text). */
    public Map<String, Object> seedColumns() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id.toString());
        m.put("user_id", userId);
        m.put("peer_mentor_id", peerMentorId);
        m.put("organization_id", organizationId);
        m.put("local_association_id", localAssociationId);
        m.put("year", year);
        m.put("status", status);
        m.put("generation_status", generationStatus);
        m.put("generation_error", generationError);
        m.put("data_sufficiency", dataSufficiency);
        m.put("total_activities", totalActivities);
        m.put("total_hours", totalHours);
        m.put("total_contacts_supported", totalContactsSupported);
        m.put("contacts_supported", contactsSupported);
        m.put("total_events_attended", totalEventsAttended);
        m.put("total_travel_km", totalTravelKm);
        m.put("activity_breakdown", activityBreakdown);
        m.put("activity_type_breakdown", activityTypeBreakdown);
        m.put("monthly_distribution", monthlyDistribution);
        m.put("busiest_month", busiestMonth);
        m.put("longest_streak_days", longestStreakDays);
        m.put("activity_streaks", activityStreaks);
        m.put("percentile_rank", percentileRank);
        m.put("top_contacts", topContacts);
        m.put("impact_metrics", impactMetrics);
        m.put("milestones", milestones);
        m.put("achievements_earned", achievementsEarned);
        m.put("slide_data", slideData);
        m.put("payload_json", payloadJson);
        m.put("share_image_url", shareImageUrl);
        m.put("share_image_key", shareImageKey);
        m.put("share_pdf_key", sharePdfKey);
        m.put("shared_count", sharedCount);
        m.put("generated_at", generatedAt);
        m.put("viewed_at", viewedAt);
        m.put("created_at", createdAt);
        m.put("updated_at", updatedAt);
        return m;
    }
}
