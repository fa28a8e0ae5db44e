package org.impactdesk.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.impactdesk.domain.CountedActivity;
import org.impactdesk.domain.MentorHistory;
/** A milestone crossing over all time (METRICS.md); {@code localDate} decides its period. */
public record Milestone(String key, Instant achievedAt, LocalDate localDate, int thresholdValue) {

    static final int[] ACTIVITY_THRESHOLDS = {10, 50, 100, 250};
    static final int[] HOUR_THRESHOLDS = {10, 50, 100, 250, 500};
    static final int[] CONTACT_THRESHOLDS = {10, 25, 50};

    /** Every milestone the mentor has reached, by started_at, then the crossing activity's or event's id, then definition order. */
    public static List<Milestone> allTime(MentorHistory h, ZoneId zone) {
        List<Milestone> out = new ArrayList<>();
        List<String> sources = new ArrayList<>(); // the id of the activity or event of each crossing
        long count = 0;
        long minutes = 0;
        Set<String> contacts = new HashSet<>();
        int ai = 0;
        int hi = 0;
        int ci = 0;
        for (CountedActivity a : h.activities()) {
            count++;
            minutes += a.minutes();
            if (a.contactId() != null) {
                contacts.add(a.contactId());
            }
            int before = out.size();
            if (count == 1) {
                out.add(new Milestone("first_activity", a.startedAt(), a.localDate(), 1));
            }
            while (ai < ACTIVITY_THRESHOLDS.length && count >= ACTIVITY_THRESHOLDS[ai]) {
                out.add(new Milestone(ACTIVITY_THRESHOLDS[ai] + "_activities", a.startedAt(), a.localDate(), ACTIVITY_THRESHOLDS[ai]));
                ai++;
            }
            // hours reach N when minutes >= 60 N (exact, no rounding)
            while (hi < HOUR_THRESHOLDS.length && minutes >= HOUR_THRESHOLDS[hi] * 60L) {
                out.add(new Milestone(HOUR_THRESHOLDS[hi] + "_hours", a.startedAt(), a.localDate(), HOUR_THRESHOLDS[hi]));
                hi++;
            }
            while (ci < CONTACT_THRESHOLDS.length && contacts.size() >= CONTACT_THRESHOLDS[ci]) {
                out.add(new Milestone(CONTACT_THRESHOLDS[ci] + "_contacts", a.startedAt(), a.localDate(), CONTACT_THRESHOLDS[ci]));
                ci++;
            }
            for (int i = before; i < out.size(); i++) {
                sources.add(a.id());
            }
        }
        first(h.eventsAttended()).ifPresent(e -> {
            out.add(new Milestone("first_event_attended", e.startsAt(), local(e.startsAt(), zone), 1));
            sources.add(e.eventId());
        });
        first(h.eventsOrganized()).ifPresent(e -> {
            out.add(new Milestone("first_event_organized", e.startsAt(), local(e.startsAt(), zone), 1));
            sources.add(e.eventId());
        });
        // started_at, then the id of the crossing activity or event; a stable sort keeps the
        // definition order of the crossings of one activity
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.<Integer, Instant>comparing(i -> out.get(i).achievedAt())
                .thenComparing(sources::get));
        List<Milestone> sorted = new ArrayList<>(out.size());
        order.forEach(i -> sorted.add(out.get(i)));
        return sorted;
    }

    private static java.util.Optional<MentorHistory.EventRef> first(List<MentorHistory.EventRef> events) {
        return events.stream().min(java.util.Comparator.comparing(MentorHistory.EventRef::startsAt)
                .thenComparing(MentorHistory.EventRef::eventId));
    }

    private static LocalDate local(Instant i, ZoneId zone) {
        return LocalDate.ofInstant(i, zone);
    }
}
