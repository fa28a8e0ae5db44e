package org.impactdesk.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code trigger_metadata}: an optional {@code activity_type} narrowing the counted activities and
 * the {@code period} counted over ({@code lifetime} by default, or {@code calendar_year}).
 */
public record TriggerMetadata(String activityType, CountPeriod period) {
    public static final TriggerMetadata NONE = new TriggerMetadata(null, CountPeriod.LIFETIME);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public TriggerMetadata {
        if (period == null) {
            period = CountPeriod.LIFETIME;
        }
        if (activityType != null && activityType.isBlank()) {
            activityType = null;
        }
    }

    /** The parsed metadata (NONE where it cannot be read) and every problem found. */
    public record Parsed(TriggerMetadata metadata, List<Problem> problems) {
        public Parsed {
            problems = List.copyOf(problems);
        }
    }

    /** Reads the stored or typed JSON text; null or blank is no metadata. */
    public static Parsed parse(String json) {
        List<Problem> problems = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return new Parsed(NONE, problems);
        }
        JsonNode node;
        try {
            node = JsonSyntax.read(json);
        } catch (JsonSyntax.Invalid e) {
            // where and why in the bundles' words: line, column, the reason's key and what was found
            JsonSyntax x = e.syntax();
            problems.add(Problem.error(Problem.Field.METADATA, "metadata_not_json", Integer.toString(x.line()),
                    Integer.toString(x.column()), x.reason().key(), x.detail() == null ? "" : x.detail()));
            return new Parsed(NONE, problems);
        }
        if (node == null || !node.isObject()) {
            problems.add(Problem.error(Problem.Field.METADATA, "metadata_not_object"));
            return new Parsed(NONE, problems);
        }
        String type = null;
        CountPeriod period = CountPeriod.LIFETIME;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            JsonNode v = node.get(name);
            switch (name) {
                case "activity_type" -> {
                    if (v.isNull()) {
                        continue;
                    }
                    if (!v.isTextual() || v.asText().isBlank()) {
                        problems.add(Problem.error(Problem.Field.METADATA, "metadata_activity_type_text"));
                    } else {
                        type = v.asText();
                    }
                }
                case "period" -> {
                    if (v.isNull()) {
                        continue;
                    }
                    try {
                        period = CountPeriod.fromCode(v.asText());
                    } catch (IllegalArgumentException e) {
                        problems.add(Problem.error(Problem.Field.METADATA, "metadata_period_unknown", v.asText()));
                    }
                }
                default -> problems.add(Problem.warning(Problem.Field.METADATA, "metadata_key_unknown", name));
            }
        }
        return new Parsed(new TriggerMetadata(type, period), problems);
    }

    /** Stored JSON text, or null when it says nothing beyond the defaults. */
    public String toJson() {
        if (activityType == null && period == CountPeriod.LIFETIME) {
            return null;
        }
        ObjectNode o = MAPPER.createObjectNode();
        if (activityType != null) {
            o.put("activity_type", activityType);
        }
        if (period != CountPeriod.LIFETIME) {
            o.put("period", period.code());
        }
        return o.toString();
    }
}
