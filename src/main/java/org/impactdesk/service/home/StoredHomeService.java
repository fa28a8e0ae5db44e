package org.impactdesk.service.home;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.HomeFigures;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.PeriodicSummary;
import org.impactdesk.store.HomeDao;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.store.SummaryReadDao;
/**
 * {@link HomeService} over the database: a coordinator's hours, sessions and YoY come from their
 * stored team row (seed 004's {@code coordinator_id} row); everyone else's (and the mentor counts
 * of all) from the stored personal rows in scope, summed in SQL.
 */
public final class StoredHomeService implements HomeService {

    private final HomeDao homeDao;
    private final SummaryReadDao summaries;
    private final OrganizationDao organizations;
    private final Clock clock;

    public StoredHomeService(HomeDao homeDao, SummaryReadDao summaries, OrganizationDao organizations, Clock clock) {
        this.homeDao = homeDao;
        this.summaries = summaries;
        this.organizations = organizations;
        this.clock = clock;
    }

    @Override
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
                        t.yoyDeltaPercent(), lastSync, m.pausedUnderactive());
            }
        }
        Integer delta = m.priorSessions() == null ? null : m.sessions() - m.priorSessions();
        return new HomeFigures(period, HomeFigures.Source.MENTORS_IN_SCOPE, m.hours(), m.sessions(), m.mentors(),
                m.activeMentors(), m.underactive(), m.overloaded(), delta, m.yoyPercent(), lastSync,
                m.pausedUnderactive());
    }

    @Override
    public List<Period> storedPeriods(Actor actor, PeriodKind kind) {
        String wanted = kind == PeriodKind.QUARTER ? "quarterly" : "half_year";
        return homeDao.storedPeriods(actor.scope()).stream().filter(p -> p.kind().equals(wanted))
                .map(HomeDao.StoredPeriod::period).toList();
    }

    @Override
    public Optional<Instant> lastSync() {
        return homeDao.lastImport();
    }

    @Override
    public LocalDate today(Actor actor) {
        ZoneId zone = actor.organizationId() == null ? OrganizationSettings.DEFAULT_ZONE
                : organizations.find(actor.organizationId()).map(OrganizationSettings::zone)
                        .orElse(OrganizationSettings.DEFAULT_ZONE);
        return LocalDate.now(clock.withZone(zone));
    }
}
