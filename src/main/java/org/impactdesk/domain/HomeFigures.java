package org.impactdesk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import org.impactdesk.domain.Period;

/**
 * What the Home tiles show for one period, read from the stored periodic summaries.
 *
 * @param source           where hours, sessions and YoY come from: the coordinator's own team row, or the
 *                         personal rows of the mentors in scope summed in SQL
 * @param mentorsInScope   peer mentors in scope with a stored summary for the period
 * @param activeMentors    of those, the ones with at least one counted session
 * @param yoyDeltaSessions sessions against the same period a year earlier (null: no prior data)
 * @param yoyPercent       that change in percent, 2 decimals (null: no prior data, or prior 0)
 * @param underactive      mentors stored as underactive, paused mentors left out
 * @param lastSync         when the last import finished (null: never imported)
 * @param pausedUnderactive paused mentors whose stored status is underactive (left out of {@code underactive})
 */
public record HomeFigures(Period period, Source source, BigDecimal hours, int sessions, int mentorsInScope,
                          int activeMentors, int underactive, int overloaded, Integer yoyDeltaSessions,
                          BigDecimal yoyPercent, Instant lastSync, int pausedUnderactive) {

    public enum Source { TEAM_ROW, MENTORS_IN_SCOPE }

    /** Figures with no paused mentor left out. */
    public HomeFigures(Period period, Source source, BigDecimal hours, int sessions, int mentorsInScope,
                       int activeMentors, int underactive, int overloaded, Integer yoyDeltaSessions,
                       BigDecimal yoyPercent, Instant lastSync) {
        this(period, source, hours, sessions, mentorsInScope, activeMentors, underactive, overloaded,
                yoyDeltaSessions, yoyPercent, lastSync, 0);
    }

    /** True when nothing is stored for the period in scope. */
    public boolean empty() {
        return mentorsInScope == 0 && source == Source.MENTORS_IN_SCOPE;
    }
}
