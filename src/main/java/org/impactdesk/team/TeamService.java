package org.impactdesk.team;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.OrganizationSettings;
import org.impactdesk.domain.Period;

/**
 * The Team screen's reads: the stored periodic rows of a quarter or half for everyone in the
 * signed-in user's scope (the store filters by the scope in SQL), laid out as table lines. It
 * computes no metric: every figure, status and threshold is the one stored at generation time.
 */
public final class TeamService {
    /** Newest period first: by last day, then a quarter before the half that ends on the same day. */
    public static final Comparator<Period> NEWEST_FIRST = Comparator.comparing(Period::lastDate)
            .thenComparing(Period::firstDate).reversed();

    private final TeamReader reader;
    private final Clock clock;

    public TeamService(TeamReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** Today in the actor's organisation's zone (the platform default zone without one). */
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

    /** The last closed quarter: the one before the quarter that holds today. */
    public static Period.Quarter lastClosedQuarter(LocalDate today) {
        int q = (today.getMonthValue() - 1) / 3 + 1;
        return q == 1 ? new Period.Quarter(today.getYear() - 1, 4) : new Period.Quarter(today.getYear(), q - 1);
    }

    /** The last closed half: the one before the half that holds today. */
    public static Period.Half lastClosedHalf(LocalDate today) {
        return today.getMonthValue() <= 6 ? new Period.Half(today.getYear() - 1, 2) : new Period.Half(today.getYear(), 1);
    }

    /** The period the screen opens on: the last closed quarter in the organisation's zone. */
    public Period defaultPeriod(Actor actor) {
        return lastClosedQuarter(today(actor));
    }

    /**
     * The periods to pick from, newest first: every quarter and half with stored rows in scope,
     * and the last closed quarter and half (which may have none yet).
     */
    public List<Period> periods(Actor actor) {
        LocalDate today = today(actor);
        TreeSet<Period> all = new TreeSet<>(NEWEST_FIRST);
        all.add(lastClosedQuarter(today));
        all.add(lastClosedHalf(today));
        for (StoredPeriod p : reader.periods(actor.scope())) {
            all.add(p.toPeriod());
        }
        return List.copyOf(all);
    }

    /** The stored rows of {@code period} in the actor's scope. */
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

        List<TeamLine> mentors = new ArrayList<>();
        Map<String, Association> shown = new LinkedHashMap<>();
        for (StoredLine s : reader.mentorLines(scope, type, period.year(), number)) {
            List<Association> associations = byMentor.getOrDefault(s.peerMentorId(), List.of());
            associations.forEach(a -> shown.putIfAbsent(a.id(), a));
            mentors.add(line(TeamLine.Kind.MENTOR, s, associations));
        }
        List<TeamLine> teams = new ArrayList<>();
        for (StoredLine s : reader.teamLines(scope, type, period.year(), number)) {
            teams.add(line(TeamLine.Kind.TEAM, s, byCoordinator.getOrDefault(s.coordinatorId(), List.of())));
        }
        List<Association> associations = shown.values().stream()
                .sorted(Comparator.comparing(Association::name).thenComparing(Association::id)).toList();
        return new TeamTable(period, teams, mentors, associations);
    }

    private static TeamLine line(TeamLine.Kind kind, StoredLine s, List<Association> associations) {
        return new TeamLine(kind, s.peerMentorId(), s.userId(), s.displayName(), associations,
                s.totalSessions(), s.totalHours(), s.yoyDeltaSessions(), s.yoyDeltaHours(), s.yoyDeltaPercent(),
                s.priorYearTotalSessions(), s.priorYearTotalHours(), OutlierStatus.fromCode(s.outlierStatus()),
                s.underactiveThresholdSessions(), s.overloadedThresholdSessions());
    }

    private static Map<String, List<Association>> group(List<Membership> memberships) {
        Map<String, List<Association>> out = new LinkedHashMap<>();
        for (Membership m : memberships) {
            out.computeIfAbsent(m.ownerId(), k -> new ArrayList<>()).add(new Association(m.associationId(), m.associationName()));
        }
        return out;
    }
}
