package org.impactdesk.service.wrapped;

import java.util.Optional;
import org.impactdesk.access.Actor;

/**
 * Computes the slide payload of an open year for the previewer (the summary engine's
 * {@code previewAnnual}); returns the payload JSON, or empty when the mentor has none.
 */
@FunctionalInterface
public interface PreviewEngine {
    Optional<String> previewAnnualJson(String peerMentorId, int year, Actor actor);

    /** Until an engine is wired: no preview available. */
    PreviewEngine NONE = (pm, year, actor) -> Optional.empty();
}
