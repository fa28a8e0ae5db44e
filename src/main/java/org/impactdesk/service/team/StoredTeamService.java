package org.impactdesk.service.team;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.Association;
import org.impactdesk.domain.Membership;
import org.impactdesk.domain.MentorStanding;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.StoredLine;
import org.impactdesk.domain.StoredPeriod;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.domain.TeamTable;
import org.impactdesk.store.TeamReader;
/**
 * {@link TeamService} over a {@link TeamReader}: the stored periodic rows of a quarter or half for
 * everyone in the signed-in user's scope (the store filters by the scope in SQL), laid out as table
 * lines. It computes no metric: every figure, status and threshold is the one stored at generation
 * time.
 */
public final class StoredTeamService implements TeamService {
    private final TeamReader reader;
    private final Clock clock;

    public StoredTeamService(TeamReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @Override
    public LocalDate today(Actor actor) {
        ZoneId zone = OrganizationSettings.DEFAULT_ZONE;
        if (actor.organizationId() != null) {
            String stored = reader.timeZone(actor.organizationId()).orElse("");
            if (!stored.isBlank()) {
                zone = ZoneId.of(stored);
            }
        }
        return LocalDate.now(clock.withZone(zone));
    }

    @Override
    public Period defaultPeriod(Actor actor) {
        return TeamService.lastClosedQuarter(today(actor));
    }

    @Override
    public List<Period> periods(Actor actor) {
        LocalDate today = today(actor);
        TreeSet<Period> all = new TreeSet<>(NEWEST_FIRST);
        all.add(TeamService.lastClosedQuarter(today));
        all.add(TeamService.lastClosedHalf(today));
        for (StoredPeriod p : reader.periods(actor.scope())) {
            all.add(p.toPeriod());
        }
        return List.copyOf(all);
    }

    @Override
    public TeamTable table(Actor actor, Period period) {
        String type;
        int number;
        switch (period) {
            case Period.Quarter q -> {
                type = "quarterly";
                number = q.quarter();
            }
            case Period.Half h -> {
                type = "half_year";
                number = h.half();
            }
            case Period.Year y -> throw new IllegalArgumentException(
                    "The Team table shows a quarter or a half, not the year " + y.year());
        }
        Scope scope = actor.scope();
        Map<String, List<Association>> byMentor = group(reader.mentorMemberships(scope));
        Map<String, List<Association>> byCoordinator = group(reader.coordinatorAssociations(scope, type, period.year(), number));

        Map<String, MentorStanding> standings = new HashMap<>();
        for (MentorStanding st : reader.mentorStandings(scope)) {
            standings.put(st.peerMentorId(), st);
        }
        List<TeamLine> mentors = new ArrayList<>();
        Map<String, Association> shown = new LinkedHashMap<>();
        for (StoredLine s : reader.mentorLines(scope, type, period.year(), number)) {
            List<Association> associations = byMentor.getOrDefault(s.peerMentorId(), List.of());
            associations.forEach(a -> shown.putIfAbsent(a.id(), a));
            mentors.add(line(TeamLine.Kind.MENTOR, s, associations, standings.get(s.peerMentorId())));
        }
        List<TeamLine> teams = new ArrayList<>();
        for (StoredLine s : reader.teamLines(scope, type, period.year(), number)) {
            teams.add(line(TeamLine.Kind.TEAM, s, byCoordinator.getOrDefault(s.coordinatorId(), List.of()), null));
        }
        List<Association> associations = shown.values().stream()
                .sorted(Comparator.comparing(Association::name).thenComparing(Association::id)).toList();
        return new TeamTable(period, teams, mentors, associations);
    }

    private static TeamLine line(TeamLine.Kind kind, StoredLine s, List<Association> associations,
                                 MentorStanding standing) {
        String mentorStatus = kind == TeamLine.Kind.TEAM ? null : standing == null ? "active" : standing.status();
        return new TeamLine(kind, s.peerMentorId(), s.userId(), s.displayName(), associations,
                s.totalSessions(), s.totalHours(), s.yoyDeltaSessions(), s.yoyDeltaHours(), s.yoyDeltaPercent(),
                s.priorYearTotalSessions(), s.priorYearTotalHours(), OutlierStatus.fromCode(s.outlierStatus()),
                s.underactiveThresholdSessions(), s.overloadedThresholdSessions(), mentorStatus,
                standing == null ? null : standing.startedOn());
    }

    private static Map<String, List<Association>> group(List<Membership> memberships) {
        Map<String, List<Association>> out = new LinkedHashMap<>();
        for (Membership m : memberships) {
            out.computeIfAbsent(m.ownerId(), k -> new ArrayList<>()).add(new Association(m.associationId(), m.associationName()));
        }
        return out;
    }
}
