package org.impactdesk.service.team;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamTable;
/**
 * The Team screen's reads, scoped to the signed-in user: the stored periodic rows of a quarter or
 * half as table lines, and the periods to pick from. The Team ViewModel takes this; the one over
 * the store is {@link StoredTeamService}.
 */
public interface TeamService {
    /** Newest period first: by last day, then a quarter before the half that ends on the same day. */
    Comparator<Period> NEWEST_FIRST = Comparator.comparing(Period::lastDate)
            .thenComparing(Period::firstDate).reversed();

    /** Today in the actor's organisation's zone (the platform default zone without one). */
    LocalDate today(Actor actor);

    /** The period the screen opens on: the last closed quarter in the organisation's zone. */
    Period defaultPeriod(Actor actor);

    /**
     * The periods to pick from, newest first: every quarter and half with stored rows in scope,
     * and the last closed quarter and half (which may have none yet).
     */
    List<Period> periods(Actor actor);

    /** The stored rows of {@code period} (a quarter or a half) in the actor's scope. */
    TeamTable table(Actor actor, Period period);

    /** The last closed quarter: the one before the quarter that holds today. */
    static Period.Quarter lastClosedQuarter(LocalDate today) {
        int q = (today.getMonthValue() - 1) / 3 + 1;
        return q == 1 ? new Period.Quarter(today.getYear() - 1, 4) : new Period.Quarter(today.getYear(), q - 1);
    }

    /** The last closed half: the one before the half that holds today. */
    static Period.Half lastClosedHalf(LocalDate today) {
        return today.getMonthValue() <= 6 ? new Period.Half(today.getYear() - 1, 2) : new Period.Half(today.getYear(), 1);
    }
}
