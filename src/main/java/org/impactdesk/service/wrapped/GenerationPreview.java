package org.impactdesk.service.wrapped;

import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.service.generation.GenerationService;
import org.impactdesk.service.generation.SummaryNotFoundException;

/**
 * The open year's slide payload as the summary engine previews it
 * ({@link GenerationService#previewAnnual}): computed now with {@code preview: true}, never
 * stored, never notified, never shared.
 */
public final class GenerationPreview implements PreviewEngine {
    private final GenerationService generation;

    public GenerationPreview(GenerationService generation) {
        this.generation = generation;
    }

    @Override
    public Optional<String> previewAnnualJson(String peerMentorId, int year, Actor actor) {
        try {
            return Optional.of(generation.previewAnnual(peerMentorId, year, actor).payloadJson());
        } catch (SummaryNotFoundException e) {
            // not a mentor the actor may see: the player says no preview is available
            return Optional.empty();
        }
    }
}
