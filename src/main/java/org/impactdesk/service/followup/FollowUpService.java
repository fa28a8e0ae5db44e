package org.impactdesk.service.followup;

import java.time.LocalDate;
import java.util.List;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.FollowUp;
import org.impactdesk.domain.MentorTrail;
import org.impactdesk.domain.MonthlySessions;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamChanges;

/**
 * A coordinator's private follow-ups of flagged peer mentors, and what the Team side panel shows
 * beside them. Everything is scoped to the signed-in user: their own notes only, on mentors in their
 * scope. The database-backed one is {@link StoredFollowUpService}.
 */
public interface FollowUpService extends TeamChangesSource {

    /** At most this many characters in a note. */
    int MAX_NOTE_LENGTH = 500;

    /** Whether this user may keep follow-ups (a user with a scope wider than their own figures). */
    boolean canFollowUp(Actor actor);

    /** The user's follow-ups of {@code period} and of the period before it (carried into this one). */
    List<FollowUp> marks(Actor actor, Period period);

    /** The mentor's stored rows of the period's type, profile status and the user's follow-ups of them. */
    MentorTrail trail(Actor actor, String peerMentorId, Period period);

    /**
     * Creates or replaces the user's follow-up of a mentor for a period.
     *
     * @throws FollowUpRefusedException when the user may not keep follow-ups, the mentor is not in
     *                                  their scope, or the note or date is not acceptable (the message says which)
     */
    FollowUp save(Actor actor, String peerMentorId, Period period, LocalDate followedUpOn, String note);

    /** Deletes the user's own follow-up; {@link FollowUpRefusedException} when there is none of theirs with that id. */
    void delete(Actor actor, String followUpId);

    /**
     * The stored sessions per month of every mentor in scope over the twelve months ending with
     * the last month of {@code period} (the Team sparklines): one read per period.
     */
    MonthlySessions monthlySessions(Actor actor, Period period);

    /**
     * What changed between {@code period} and the period before it for the mentors in scope (newly
     * underactive or overloaded, back to normal, new), and which of the user's follow-ups of the
     * period before have a mentor still flagged: Home's "since the last sync".
     */
    @Override
    TeamChanges changes(Actor actor, Period period);

    /** The quarter or half before {@code p}. */
    static Period previous(Period p) {
        return switch (p) {
            case Period.Quarter q -> q.quarter() == 1 ? new Period.Quarter(q.year() - 1, 4)
                    : new Period.Quarter(q.year(), q.quarter() - 1);
            case Period.Half h -> h.half() == 1 ? new Period.Half(h.year() - 1, 2) : new Period.Half(h.year(), 1);
            case Period.Year y -> new Period.Year(y.year() - 1);
        };
    }

    /** The quarter or half after {@code p}. */
    static Period next(Period p) {
        return switch (p) {
            case Period.Quarter q -> q.quarter() == 4 ? new Period.Quarter(q.year() + 1, 1)
                    : new Period.Quarter(q.year(), q.quarter() + 1);
            case Period.Half h -> h.half() == 2 ? new Period.Half(h.year() + 1, 1) : new Period.Half(h.year(), 2);
            case Period.Year y -> new Period.Year(y.year() + 1);
        };
    }
}
