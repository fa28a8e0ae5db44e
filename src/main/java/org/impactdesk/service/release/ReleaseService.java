package org.impactdesk.service.release;

import java.util.List;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.ReleaseLine;

/**
 * The review before release (issue 19): an admin previews each year's Wrapped, holds one back
 * with a reason, and releases one, the previewed ones or all; a release queues the mentor's
 * notification in the same transaction and sends it after the commit.
 */
public interface ReleaseService {

    /** Which summaries a release takes. */
    enum Selection { MENTOR, PREVIEWED, ALL }

    /** What a release did: newly released, released before, held back, and not ready (never released). */
    record Outcome(int released, int alreadyReleased, int held, int notReady, int notificationsSent) {
    }

    /** The year's annual summaries in the actor's scope (of {@code organizationId}, or every one in scope when null). */
    List<ReleaseLine> lines(int year, String organizationId, Actor actor);

    /** The years with an annual summary in the actor's scope, latest first (what a release list can show). */
    List<Integer> years(Actor actor);

    /** Records that an admin previewed the mentor's Wrapped of the year (who, when; never viewed_at). */
    void markPreviewed(String peerMentorId, int year, Actor actor);

    /** Holds the mentor's Wrapped of the year back with a reason (not once it is released). */
    void hold(String peerMentorId, int year, String reason, Actor actor);

    /**
     * Releases the mentor's ({@link Selection#MENTOR}), the previewed, or all ready summaries of
     * the year; {@link Selection#ALL} and {@link Selection#PREVIEWED} leave held ones held, a
     * named mentor is released even when held.
     */
    Outcome release(int year, String organizationId, Selection selection, String peerMentorId, Actor actor);
}
