package org.impactdesk.service.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.HomeFigures;
import org.impactdesk.domain.Period;
/**
 * The Home screen's figures, scoped to the signed-in user (the Home ViewModel takes this; the
 * database-backed one is {@link StoredHomeService}).
 */
public interface HomeService {

    enum PeriodKind { QUARTER, HALF }

    /** The stored figures of {@code period} in the actor's scope. */
    HomeFigures figures(Actor actor, Period period);

    /** Stored quarters or halves in scope, newest first. */
    List<Period> storedPeriods(Actor actor, PeriodKind kind);

    /** When the last import finished, if ever. */
    Optional<Instant> lastSync();

    /** Today in the actor's organisation's zone (Europe/Oslo without one). */
    LocalDate today(Actor actor);

    /** The last quarter or half whose last day is before {@code today}. */
    static Period lastClosed(PeriodKind kind, LocalDate today) {
        if (kind == PeriodKind.QUARTER) {
            int q = (today.getMonthValue() - 1) / 3 + 1;
            return q == 1 ? new Period.Quarter(today.getYear() - 1, 4) : new Period.Quarter(today.getYear(), q - 1);
        }
        return today.getMonthValue() <= 6 ? new Period.Half(today.getYear() - 1, 2) : new Period.Half(today.getYear(), 1);
    }
}
