package org.impactdesk.ui.mentor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.MentorOverview;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.service.mentor.MentorService;

/**
 * An in-memory {@link MentorService} for the Mentor ViewModel's tests: the mentors in scope, an
 * overview per mentor and year, the default year per mentor; a mentor not in scope (or a year not
 * given) is refused as the real service refuses it. It records what was asked. How overviews are
 * assembled from stored rows is {@code MentorServiceTest}'s.
 */
final class FakeMentorService implements MentorService {
    final List<MentorRef> inScope = new ArrayList<>();
    final Map<String, Map<Integer, MentorOverview>> overviews = new HashMap<>();
    final Map<String, Integer> defaultYears = new HashMap<>();
    final List<String> asked = new ArrayList<>();

    void add(MentorOverview o) {
        if (inScope.stream().noneMatch(m -> m.peerMentorId().equals(o.mentor().peerMentorId()))) {
            inScope.add(o.mentor());
        }
        overviews.computeIfAbsent(o.mentor().peerMentorId(), k -> new HashMap<>()).put(o.year(), o);
    }

    @Override
    public List<MentorRef> mentorsInScope(Actor actor) {
        return List.copyOf(inScope);
    }

    @Override
    public int defaultYear(Actor actor, String peerMentorId, LocalDate today) {
        return defaultYears.getOrDefault(peerMentorId, today.getYear());
    }

    @Override
    public MentorOverview overview(Actor actor, String peerMentorId, int year, LocalDate today) {
        asked.add(peerMentorId + "/" + year);
        MentorOverview o = overviews.getOrDefault(peerMentorId, Map.of()).get(year);
        if (o == null) {
            throw new MentorNotFoundException(peerMentorId);
        }
        return o;
    }
}
