package org.impactdesk.domain;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Wrapped slide payload as stored in {@code annual_summaries.payload_json}
 * (docs/slide-payload.md). The player and the share renderer only read it; nothing here
 * computes a metric. Numbers stay exact ({@link BigDecimal} for decimals).
 */
public record SlidePayload(int version, Kind kind, int year, boolean preview, List<Slide> slides) {

    public enum Kind { WRAPPED, ENCOURAGEMENT }

    public enum Animation { FADE, COUNT_UP, GROW_BARS, GROW_SEGMENTS, STAGGER, POP }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .build();

    public SlidePayload {
        slides = List.copyOf(slides);
    }

    /**
     * One slide. {@code args} keep the payload's order (MessageFormat's {0}, {1}, ...);
     * {@code stats} hold JSON values as Java values: BigDecimal/Integer/Long, String, Boolean,
     * List and Map (null stays null).
     */
    public record Slide(String key, String titleKey, String bodyKey, Map<String, Object> args,
                        Map<String, Object> stats, Animation animation) {
        public Slide {
            args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
            stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
        }

        /** The arguments in order, for {@link java.text.MessageFormat}. */
        public Object[] argArray() {
            return args.values().toArray();
        }

        public Optional<BigDecimal> number(String stat) {
            Object v = stats.get(stat);
            if (v instanceof BigDecimal b) {
                return Optional.of(b);
            }
            if (v instanceof Number n) {
                return Optional.of(new BigDecimal(n.toString()));
            }
            return Optional.empty();
        }

        public Optional<String> text(String stat) {
            Object v = stats.get(stat);
            return v == null ? Optional.empty() : Optional.of(v.toString());
        }

        /** A list of objects (e.g. {@code monthly}, {@code breakdown}); empty when absent. */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> objects(String stat) {
            Object v = stats.get(stat);
            if (v instanceof List<?> list) {
                List<Map<String, Object>> out = new ArrayList<>();
                for (Object o : list) {
                    if (o instanceof Map<?, ?> m) {
                        out.add((Map<String, Object>) m);
                    }
                }
                return out;
            }
            return List.of();
        }
    }

    public Optional<Slide> slide(String key) {
        return slides.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public boolean isEncouragement() {
        return kind == Kind.ENCOURAGEMENT;
    }

    /** Reads a payload, saying what is wrong and where when it does not follow the contract. */
    public static SlidePayload parse(String json) {
        if (json == null || json.isBlank()) {
            throw new PayloadException("the slide payload is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            throw new PayloadException("the slide payload is not valid JSON: " + e.getMessage());
        }
        if (!root.isObject()) {
            throw new PayloadException("the slide payload must be a JSON object");
        }
        String kindText = requiredText(root, "kind", "payload");
        Kind kind = switch (kindText) {
            case "wrapped" -> Kind.WRAPPED;
            case "encouragement" -> Kind.ENCOURAGEMENT;
            default -> throw new PayloadException("payload.kind must be wrapped or encouragement, not '" + kindText + "'");
        };
        if (!root.path("year").canConvertToInt()) {
            throw new PayloadException("payload.year is missing or not a whole number");
        }
        JsonNode slidesNode = root.path("slides");
        if (!slidesNode.isArray()) {
            throw new PayloadException("payload.slides is missing or not an array");
        }
        List<Slide> slides = new ArrayList<>();
        int i = 0;
        for (JsonNode s : slidesNode) {
            String where = "payload.slides[" + i + "]";
            String key = requiredText(s, "key", where);
            where = where + " (" + key + ")";
            String animationText = requiredText(s, "animation", where);
            Animation animation;
            try {
                animation = Animation.valueOf(animationText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PayloadException(where + ".animation: unknown hint '" + animationText
                        + "' (fade, count_up, grow_bars, grow_segments, stagger, pop)");
            }
            slides.add(new Slide(key, requiredText(s, "title_key", where), requiredText(s, "body_key", where),
                    toMap(s.path("args"), where + ".args"), toMap(s.path("stats"), where + ".stats"), animation));
            i++;
        }
        return new SlidePayload(root.path("version").asInt(1), kind, root.path("year").asInt(),
                root.path("preview").asBoolean(false), slides);
    }

    private static String requiredText(JsonNode node, String field, String where) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new PayloadException(where + "." + field + " is missing or not text");
        }
        return v.asText();
    }

    private static Map<String, Object> toMap(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new PayloadException(where + " must be a JSON object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), toJava(e.getValue()));
        }
        return out;
    }

    private static Object toJava(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(x -> list.add(toJava(x)));
            return Collections.unmodifiableList(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        v.fields().forEachRemaining(e -> map.put(e.getKey(), toJava(e.getValue())));
        return Collections.unmodifiableMap(map);
    }
}
