package org.impactdesk.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.StoredSummaries;
/**
 * Scoped reads of the stored summaries of one peer mentor. Implemented in {@code store}; every
 * method filters by the scope in SQL, so a mentor outside it is simply not found.
 */
public interface MentorSummaryReader {

    List<MentorRef> mentorsInScope(Scope scope);

    Optional<MentorRef> mentor(Scope scope, String peerMentorId);

    /** Every stored annual summary of the mentor, by year. */
    List<StoredSummaries.Annual> annualSummaries(Scope scope, String peerMentorId);

    /** Every stored personal periodic summary (quarterly and half-year) of the mentor. */
    List<StoredSummaries.Periodic> periodicSummaries(Scope scope, String peerMentorId);

    List<StoredSummaries.Impact> impactSummaries(Scope scope, String peerMentorId);

    /** Catalog names of the given achievement ids (an id no longer in the catalog is left out). */
    Map<String, String> achievementNames(Collection<String> achievementIds);

    /** Norwegian catalog names ({@code name_nb}) of the given achievement ids: only those that have one. */
    default Map<String, String> achievementNamesNb(Collection<String> achievementIds) {
        return Map.of();
    }

    /** Which of the given achievement ids are {@code annual_summary} badges (earned once for every year). */
    default java.util.Set<String> annualAchievements(Collection<String> achievementIds) {
        return java.util.Set.of();
    }
}
