package org.impactdesk.service.followup;

import org.impactdesk.access.Actor;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamChanges;

/** Home's "since the last sync": what changed for the mentors in scope (see {@link FollowUpService#changes}). */
@FunctionalInterface
public interface TeamChangesSource {
    TeamChanges changes(Actor actor, Period period);
}
