package org.impactdesk.service.mentor;

import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.AnnualSummary;
import org.impactdesk.domain.StoredSummaries;
import org.impactdesk.domain.SummaryJson;
import org.impactdesk.service.generation.GenerationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
/**
 * The open year as the engine previews it ({@link GenerationService#previewAnnualWithoutRank}: the
 * Mentor screen shows no percentile rank, so the organisation's cohort is not read): computed, never stored.
 */
public final class EnginePreview implements OpenYearPreview {
    private static final Logger LOG = LoggerFactory.getLogger(EnginePreview.class);

    private final GenerationService generation;

    public EnginePreview(GenerationService generation) {
        this.generation = generation;
    }

    @Override
    public Optional<StoredSummaries.Annual> preview(Actor actor, String peerMentorId, int year) {
        AnnualSummary s;
        try {
            s = generation.previewAnnualWithoutRank(peerMentorId, year, actor).summary();
        } catch (RuntimeException e) {
            // the screen then shows what is stored and says that no preview is available
            LOG.warn("No preview of {} for {}: {}", year, peerMentorId, e.toString());
            return Optional.empty();
        }
        return Optional.of(new StoredSummaries.Annual(s.year(), s.status(), s.dataSufficiency(), s.totalActivities(),
                s.totalHours(), SummaryJson.months(s.monthlyDistribution()), SummaryJson.milestones(s.milestones()),
                SummaryJson.awards(s.achievementsEarned()), s.generatedAt()));
    }
}
