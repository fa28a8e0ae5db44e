package org.impactdesk.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one coordinator's digest after a sync says (issue 19 item 5): Home's "Since the last sync"
 * for their scope, as display names of their own peer mentors in each list, frozen when the sync
 * queued it. Nothing else of anyone: no ids, no contacts, no figures.
 */
public record SyncDigest(Period period, Period before, List<String> newlyUnderactive, List<String> newlyOverloaded,
                         List<String> backToNormal, List<String> newMentors, List<String> stillFlagged) {

    /** The lists in the order they are said, by their key in JSON and in the bundles ({@code mail.digest.<key>}). */
    public static final List<String> LISTS = List.of("newlyUnderactive", "newlyOverloaded", "backToNormal", "newMentors",
            "stillFlagged");

    public SyncDigest {
        newlyUnderactive = List.copyOf(newlyUnderactive);
        newlyOverloaded = List.copyOf(newlyOverloaded);
        backToNormal = List.copyOf(backToNormal);
        newMentors = List.copyOf(newMentors);
        stillFlagged = List.copyOf(stillFlagged);
    }

    public static SyncDigest of(TeamChanges c) {
        return new SyncDigest(c.period(), c.before(), names(c.newlyUnderactive()), names(c.newlyOverloaded()),
                names(c.backToNormal()), names(c.newMentors()), names(c.stillFlagged()));
    }

    private static List<String> names(List<MentorRef> mentors) {
        return mentors.stream().map(MentorRef::displayName).toList();
    }

    /** Nothing in any list: no digest is sent. */
    public boolean isEmpty() {
        return lists().values().stream().allMatch(List::isEmpty);
    }

    /** The lists by key, in {@link #LISTS} order. */
    public Map<String, List<String>> lists() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("newlyUnderactive", newlyUnderactive);
        out.put("newlyOverloaded", newlyOverloaded);
        out.put("backToNormal", backToNormal);
        out.put("newMentors", newMentors);
        out.put("stillFlagged", stillFlagged);
        return out;
    }

    public String toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", code(period));
        out.put("before", code(before));
        out.putAll(lists());
        return Json.write(out);
    }

    public static SyncDigest parse(String json) {
        JsonNode n = Json.read(json);
        if (n == null || !n.isObject()) {
            throw new PayloadException("a digest is a JSON object, not " + json);
        }
        List<List<String>> lists = new ArrayList<>();
        for (String key : LISTS) {
            List<String> names = new ArrayList<>();
            n.path(key).forEach(v -> names.add(v.asText()));
            lists.add(names);
        }
        return new SyncDigest(period(n.path("period").asText()), period(n.path("before").asText()), lists.get(0), lists.get(1),
                lists.get(2), lists.get(3), lists.get(4));
    }

    /** "2026-Q3", "2026-H1" or "2026". */
    static String code(Period p) {
        return p.toString();
    }

    static Period period(String code) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})(?:-([QH])([1-4]))?").matcher(code);
        if (!m.matches()) {
            throw new PayloadException("'" + code + "' is no period of a digest (2026-Q3, 2026-H1 or 2026)");
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) {
            return new Period.Year(year);
        }
        int n = Integer.parseInt(m.group(3));
        return m.group(2).equals("Q") ? new Period.Quarter(year, n) : new Period.Half(year, n);
    }
}
