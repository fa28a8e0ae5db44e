package org.impactdesk.service.wrapped;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.SlidePayload;
import org.impactdesk.service.sharing.ShareService;

/**
 * What the Wrapped previewer needs, scoped to the acting user: the mentors they may see, the
 * stored summaries, a preview of an open year, and the share export.
 */
public interface WrappedSource {

    /**
     * A mentor to pick: shown inside the app only (never on a card). {@code associationName}: their
     * primary local association, which tells two mentors of the same name apart (null: unknown).
     */
    record MentorChoice(String peerMentorId, String displayName, String associationName) {
        public MentorChoice(String peerMentorId, String displayName) {
            this(peerMentorId, displayName, null);
        }

        @Override
        public String toString() {
            return displayName;
        }
    }

    /**
     * A stored annual summary as the previewer shows it.
     *
     * @param viewRecorded true when this look was the mentor's first view (viewed_at written now)
     * @param zone the mentor's organisation's time zone, in which times are shown
     * @param cardFirstName the mentor's first name as their share card shows it: only when they allow it
     *                      ({@code peer_mentors.share_first_name}), else null
     */
    record StoredWrapped(SlidePayload payload, String status, Instant generatedAt, int sharedCount,
                         Instant viewedAt, boolean viewRecorded, java.time.ZoneId zone, String cardFirstName) {
        /** Ready summaries are frozen: no automatic recompute (METRICS.md). */
        public boolean frozen() {
            return "ready".equals(status);
        }

        public boolean shared() {
            return sharedCount > 0;
        }

        public boolean shareable() {
            return "ready".equals(status) && !payload.isEncouragement() && !payload.preview();
        }
    }

    List<MentorChoice> mentors(Actor actor);

    /** Years with a stored annual summary for the mentor, newest first. */
    List<Integer> years(String peerMentorId, Actor actor);

    /**
     * The stored summary. Only the mentor's own look writes viewed_at (once); an admin's or a
     * coordinator's look never does.
     */
    Optional<StoredWrapped> annual(String peerMentorId, int year, Actor actor);

    /** A preview of an open year, computed for the previewer and never stored or shared. */
    Optional<SlidePayload> preview(String peerMentorId, int year, Actor actor);

    /**
     * Exports the share card: the mentor's own export is a share (counted, freezing); anyone
     * else's is a proof (not counted, not freezing, "proof" in its file name and metadata).
     */
    ShareService.Result export(String peerMentorId, int year, Actor actor, Path png, Path pdf, Locale locale);
}
