package org.impactdesk.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.impactdesk.domain.PeerMentor;

/**
 * Everything the engine needs about one mentor, over all time: counted activities (sorted
 * chronologically), events attended and organised, completed assignments and badges awarded.
 */
public record MentorHistory(
        PeerMentor mentor,
        List<CountedActivity> activities,
        List<EventRef> eventsAttended,
        List<EventRef> eventsOrganized,
        List<Instant> assignmentsCompletedAt,
        List<Award> awards) {

    public MentorHistory {
        List<CountedActivity> sorted = new ArrayList<>(activities);
        sorted.sort(CountedActivity.CHRONOLOGICAL);
        activities = List.copyOf(sorted);
        eventsAttended = List.copyOf(eventsAttended);
        eventsOrganized = List.copyOf(eventsOrganized);
        assignmentsCompletedAt = List.copyOf(assignmentsCompletedAt);
        awards = List.copyOf(awards);
    }

    public static MentorHistory of(PeerMentor mentor, List<CountedActivity> activities) {
        return new MentorHistory(mentor, activities, List.of(), List.of(), List.of(), List.of());
    }

    /** An event the mentor attended or organised. */
    public record EventRef(String eventId, Instant startsAt) {
    }

    /** A badge awarded (user_achievements joined with achievements); {@code nameNb} null when the badge has none. */
    public record Award(String achievementId, String key, String name, String nameNb, String iconUrl, Instant awardedAt) {
        public Award(String achievementId, String key, String name, String iconUrl, Instant awardedAt) {
            this(achievementId, key, name, null, iconUrl, awardedAt);
        }
    }
}
