package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Compares a `show --json` document with an expected file of the worked example: every key
 * equal, numbers as exact decimals, except the "<...>" placeholders, which check the kind of
 * value README.md allows.
 */
final class ExpectedJson {
    private ExpectedJson() {
    }

    static void assertMatches(JsonNode expected, JsonNode actual) {
        if (expected.isArray() && actual.isArray() && expected.size() > 0 && expected.get(0).has("user_id")) {
            // bulk output: ordered by generated id, so compare in user order
            compare(sorted(expected), sorted(actual), "$");
        } else {
            compare(expected, actual, "$");
        }
    }

    private static List<JsonNode> sorted(JsonNode array) {
        List<JsonNode> l = new ArrayList<>();
        array.forEach(l::add);
        l.sort(Comparator.comparing(n -> n.path("user_id").asText()));
        return l;
    }

    private static void compare(List<JsonNode> e, List<JsonNode> a, String path) {
        assertThat(a).as(path + " size").hasSameSizeAs(e);
        for (int i = 0; i < e.size(); i++) {
            compare(e.get(i), a.get(i), path + "[" + i + "]");
        }
    }

    static void compare(JsonNode e, JsonNode a, String path) {
        assertThat(a).as(path + " missing").isNotNull();
        if (e.isTextual() && e.asText().startsWith("<") && e.asText().endsWith(">")) {
            placeholder(e.asText(), a, path);
            return;
        }
        if (e.isNumber()) {
            assertThat(a.isNumber()).as(path + " is a number, was " + a).isTrue();
            assertThat(a.decimalValue()).as(path).isEqualByComparingTo(e.decimalValue());
            return;
        }
        if (e.isObject()) {
            assertThat(a.isObject()).as(path + " is an object, was " + a).isTrue();
            List<String> ek = new ArrayList<>();
            e.fieldNames().forEachRemaining(ek::add);
            List<String> ak = new ArrayList<>();
            a.fieldNames().forEachRemaining(ak::add);
            assertThat(ak).as(path + " keys").containsExactlyInAnyOrderElementsOf(ek);
            for (String k : ek) {
                compare(e.get(k), a.get(k), path + "." + k);
            }
            return;
        }
        if (e.isArray()) {
            assertThat(a.isArray()).as(path + " is an array, was " + a).isTrue();
            assertThat(a.size()).as(path + " size").isEqualTo(e.size());
            Iterator<JsonNode> ei = e.elements();
            int i = 0;
            while (ei.hasNext()) {
                compare(ei.next(), a.get(i), path + "[" + i + "]");
                i++;
            }
            return;
        }
        assertThat(a).as(path).isEqualTo(e);
    }

    private static void placeholder(String p, JsonNode a, String path) {
        String at = path + " (" + p + ")";
        switch (p) {
            case "<any uuid>" -> assertThat(UUID.fromString(a.asText())).as(at).isNotNull();
            case "<timestamp>" -> assertThat(a.isTextual()).as(at + " was " + a).isTrue();
            case "<timestamp or null>", "<text or null>" -> assertThat(a.isNull() || a.isTextual()).as(at + " was " + a).isTrue();
            case "<lifecycle status>", "<local association id>", "<localised label>" ->
                    assertThat(a.isTextual() && !a.asText().isBlank()).as(at + " was " + a).isTrue();
            case "<integer>" -> assertThat(a.isInt()).as(at + " was " + a).isTrue();
            case "<boolean>" -> assertThat(a.isBoolean()).as(at + " was " + a).isTrue();
            case "<JSON array of awards>", "<JSON array of slides>" -> assertThat(a.isArray()).as(at + " was " + a).isTrue();
            case "<JSON slide payload>" -> assertThat(a.isObject()).as(at + " was " + a).isTrue();
            case "<text, at most 140 characters>" ->
                    assertThat(a.isTextual() && a.asText().length() <= 140).as(at + " was " + a).isTrue();
            default -> throw new AssertionError("unknown placeholder " + p + " at " + path);
        }
    }
}
