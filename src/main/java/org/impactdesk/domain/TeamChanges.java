package org.impactdesk.domain;

import java.time.Instant;
import java.util.List;

/**
 * What changed for the peer mentors in scope between two periods of a kind, from their stored
 * rows (Home's "since the last sync": the period the last sync brought against the one before it).
 * Paused mentors are never newly underactive or overloaded, nor back to normal.
 *
 * @param stillFlagged the signed-in user's follow-ups of {@code before} whose mentor is flagged in {@code period}
 * @param lastSync     when the last import finished (null: never)
 */
public record TeamChanges(Period period, Period before, Instant lastSync, List<MentorRef> newlyUnderactive,
                          List<MentorRef> newlyOverloaded, List<MentorRef> backToNormal, List<MentorRef> newMentors,
                          List<MentorRef> stillFlagged) {

    public TeamChanges {
        newlyUnderactive = List.copyOf(newlyUnderactive);
        newlyOverloaded = List.copyOf(newlyOverloaded);
        backToNormal = List.copyOf(backToNormal);
        newMentors = List.copyOf(newMentors);
        stillFlagged = List.copyOf(stillFlagged);
    }
}
