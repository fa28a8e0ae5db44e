package org.impactdesk.home;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.Period;
import org.impactdesk.store.HomeDao;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.store.SummaryReadDao;
import org.impactdesk.summary.PeriodicSummary;

/**
 * The Home screen's figures, scoped to the signed-in user: a coordinator's hours, sessions and
 * YoY come from their stored team row (seed 004's {@code coordinator_id} row); everyone else's
 * (and the mentor counts of all) from the stored personal rows in scope, summed in SQL.
 */
public final class HomeService {

    public enum PeriodKind { QUARTER, HALF }

    private final HomeDao homeDao;
    private final SummaryReadDao summaries;
    private final OrganizationDao organizations;
    private final Clock clock;

    public HomeService(HomeDao homeDao, SummaryReadDao summaries, OrganizationDao organizations, Clock clock) {
        this.homeDao = homeDao;
        this.summaries = summaries;
        this.organizations = organizations;
        this.clock = clock;
    }

    public HomeFigures figures(Actor actor, Period period) {
        Scope scope = actor.scope();
        HomeDao.MentorAggregate m = homeDao.mentorAggregate(scope, period);
        Instant lastSync = homeDao.lastImport().orElse(null);
        if (scope.kind() == Scope.Kind.ASSOCIATIONS) {
            Optional<PeriodicSummary> team = summaries.team(scope, actor.userId(), period);
            if (team.isPresent()) {
                PeriodicSummary t = team.get();
                return new HomeFigures(period, HomeFigures.Source.TEAM_ROW, t.totalHours(), t.totalSessions(),
                        m.mentors(), m.activeMentors(), m.underactive(), m.overloaded(), t.yoyDeltaSessions(),
                        t.yoyDeltaPercent(), lastSync);
            }
        }
        Integer delta = m.priorSessions() == null ? null : m.sessions() - m.priorSessions();
        return new HomeFigures(period, HomeFigures.Source.MENTORS_IN_SCOPE, m.hours(), m.sessions(), m.mentors(),
                m.activeMentors(), m.underactive(), m.overloaded(), delta, m.yoyPercent(), lastSync);
    }

    /** Stored quarters or halves in scope, newest first. */
    public List<Period> storedPeriods(Actor actor, PeriodKind kind) {
        String wanted = kind == PeriodKind.QUARTER ? "quarterly" : "half_year";
        return homeDao.storedPeriods(actor.scope()).stream().filter(p -> p.kind().equals(wanted))
                .map(HomeDao.StoredPeriod::period).toList();
    }

    public Optional<Instant> lastSync() {
        return homeDao.lastImport();
    }

    /** Today in the actor's organisation's zone (Europe/Oslo without one). */
    public LocalDate today(Actor actor) {
        ZoneId zone = actor.organizationId() == null ? OrganizationSettings.DEFAULT_ZONE
                : organizations.find(actor.organizationId()).map(OrganizationSettings::zone)
                        .orElse(OrganizationSettings.DEFAULT_ZONE);
        return LocalDate.now(clock.withZone(zone));
    }

    /** The last quarter or half whose last day is before {@code today}. */
    public static Period lastClosed(PeriodKind kind, LocalDate today) {
        if (kind == PeriodKind.QUARTER) {
            int q = (today.getMonthValue() - 1) / 3 + 1;
            return q == 1 ? new Period.Quarter(today.getYear() - 1, 4) : new Period.Quarter(today.getYear(), q - 1);
        }
        return today.getMonthValue() <= 6 ? new Period.Half(today.getYear() - 1, 2) : new Period.Half(today.getYear(), 1);
    }
}
