package org.impactdesk.service.mentor;

import java.time.LocalDate;
import java.util.List;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.MentorOverview;
import org.impactdesk.domain.MentorRef;
/**
 * One mentor's stored summaries for the Mentor screen, scoped to the signed-in user: this year
 * against last by month and by quarter, the stored summaries, milestones and badges. The Mentor
 * ViewModel takes this; the database-backed one is {@link StoredMentorService}.
 */
public interface MentorService {

    /** A mentor asked for is outside the user's scope or does not exist. */
    final class MentorNotFoundException extends RuntimeException {
        public MentorNotFoundException(String peerMentorId) {
            super("No peer mentor " + peerMentorId + " in your scope");
        }
    }

    /** The peer mentors the actor may open. */
    List<MentorRef> mentorsInScope(Actor actor);

    /** The latest year with a stored annual or periodic summary, else the current year. */
    int defaultYear(Actor actor, String peerMentorId, LocalDate today);

    /**
     * The mentor's year against the one before; {@link MentorNotFoundException} when the mentor is
     * not in the actor's scope.
     *
     * @param today the date the open/closed rule takes as today (in the organisation's zone)
     */
    MentorOverview overview(Actor actor, String peerMentorId, int year, LocalDate today);
}
