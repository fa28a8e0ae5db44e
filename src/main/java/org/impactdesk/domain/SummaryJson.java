package org.impactdesk.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads the JSON columns of a summary ({@code monthly_distribution}, {@code milestones}) as the screen needs them. */
public final class SummaryJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryJson() {
    }

    public static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createArrayNode();
        }
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A summary holds JSON that cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    public static List<StoredSummaries.MonthFigure> months(String json) {
        List<StoredSummaries.MonthFigure> out = new ArrayList<>();
        for (JsonNode n : parse(json)) {
            out.add(new StoredSummaries.MonthFigure(n.path("month").asInt(), n.path("activities").asInt(),
                    n.path("hours").decimalValue()));
        }
        return out;
    }

    public static List<StoredSummaries.MilestoneItem> milestones(String json) {
        List<StoredSummaries.MilestoneItem> out = new ArrayList<>();
        for (JsonNode n : parse(json)) {
            out.add(new StoredSummaries.MilestoneItem(n.path("milestone_key").asText(),
                    timestamp(n.path("achieved_at")),
                    n.hasNonNull("threshold_value") ? n.get("threshold_value").asInt() : null));
        }
        return out;
    }

    /** {@code achievements_earned} without catalog names (the store adds them where it can). */
    public static List<StoredSummaries.AwardItem> awards(String json) {
        List<StoredSummaries.AwardItem> out = new ArrayList<>();
        for (JsonNode n : parse(json)) {
            out.add(new StoredSummaries.AwardItem(n.path("achievement_id").asText(null), n.path("key").asText(null),
                    null, timestamp(n.path("awarded_at"))));
        }
        return out;
    }

    public static Instant timestamp(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.asText().isBlank()) {
            return null;
        }
        return OffsetDateTime.parse(node.asText()).toInstant();
    }
}
