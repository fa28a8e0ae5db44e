package org.impactdesk.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.impactdesk.domain.CountedActivity;

/**
 * What the evaluator knows of one peer mentor: their counted (approved) activities with local
 * dates, the events they attended ({@code attended = true}), and the years whose annual summary is
 * ready with the moment it became ready.
 */
public record MentorFacts(
        String userId,
        String peerMentorId,
        String organizationId,
        String displayName,
        List<CountedActivity> activities,
        List<AttendedEvent> events,
        Map<Integer, Instant> readyAnnualYears) {

    /** An event attended, at its start. */
    public record AttendedEvent(String eventId, Instant startsAt) {
    }

    public MentorFacts {
        List<CountedActivity> sorted = new ArrayList<>(activities);
        sorted.sort(CountedActivity.CHRONOLOGICAL);
        activities = List.copyOf(sorted);
        events = List.copyOf(events);
        readyAnnualYears = java.util.Collections.unmodifiableMap(new TreeMap<>(readyAnnualYears));
    }
}
