package org.impactdesk.service.mentor;

import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.StoredSummaries;
/**
 * The summary engine's preview of a mentor's open year (never stored), when the engine offers
 * one. Empty when it has none; the screen then shows what is stored and says so.
 */
@FunctionalInterface
public interface OpenYearPreview {

    Optional<StoredSummaries.Annual> preview(Actor actor, String peerMentorId, int year);

    /** For a build whose engine has no preview. */
    static OpenYearPreview unavailable() {
        return (actor, mentor, year) -> Optional.empty();
    }
}
