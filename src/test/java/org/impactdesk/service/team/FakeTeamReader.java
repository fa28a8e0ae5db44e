package org.impactdesk.service.team;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.Membership;
import org.impactdesk.domain.MentorStanding;
import org.impactdesk.domain.StoredLine;
import org.impactdesk.domain.StoredPeriod;
import org.impactdesk.store.TeamReader;
/**
 * An in-memory {@link TeamReader}: the same lines for whatever period is asked (the asked ones are
 * recorded), one coordinator team row, and a stored-periods list. For ViewModel tests without a
 * database or the toolkit.
 */
public final class FakeTeamReader implements TeamReader {
    public final List<String> asked = new ArrayList<>();
    public final List<StoredLine> mentors = new ArrayList<>();
    public final List<StoredLine> teams = new ArrayList<>();
    public final List<Membership> memberships = new ArrayList<>();
    public final List<Membership> coordinatorScopes = new ArrayList<>();
    public final List<StoredPeriod> stored = new ArrayList<>();
    /** Profile statuses; a mentor not listed is active with no known start. */
    public final List<MentorStanding> standings = new ArrayList<>();
    public RuntimeException failure;

    /** Kim's team; Åse (a name with a quote, a comma and a semicolon), Jonas, Mira, Sofie. */
    public static FakeTeamReader sample() {
        FakeTeamReader r = new FakeTeamReader();
        r.teams.add(new StoredLine(null, "user-kim", "user-kim", "Kim Koordinator", 6, dec("5.25"), 5, dec("3.75"),
                dec("500.00"), 1, dec("1.50"), "underactive", 8, 16));
        r.mentors.add(new StoredLine("pm-4", "user-ase", null, "Åse \"Lille\" Berg, Kvist; jr.", 0, dec("0.00"), -3,
                dec("-2.50"), dec("-100.00"), 3, dec("2.50"), "underactive", 4, 8));
        r.mentors.add(new StoredLine("pm-2", "user-jonas", null, "Jonas Prøvesen", 1234, dec("1234.50"), 6, dec("5.17"),
                null, 0, dec("0.00"), "overloaded", 4, 8));
        r.mentors.add(new StoredLine("pm-1", "user-mira", null, "Mira Eksempel", 9, dec("7.83"), 5, dec("4.00"),
                dec("125.00"), 4, dec("3.83"), "overloaded", 4, 8));
        r.mentors.add(new StoredLine("pm-3", "user-sofie", null, "Sofie Demo", 2, dec("1.08"), null, null, null, null, null,
                "underactive", 4, 8));
        r.memberships.add(new Membership("pm-2", "la-1", "Nordby"));
        r.memberships.add(new Membership("pm-1", "la-1", "Nordby"));
        r.memberships.add(new Membership("pm-1", "la-2", "Sørby"));
        r.memberships.add(new Membership("pm-3", "la-2", "Sørby"));
        r.memberships.add(new Membership("pm-4", "la-2", "Sørby"));
        r.coordinatorScopes.add(new Membership("user-kim", "la-2", "Sørby"));
        r.stored.add(new StoredPeriod("quarterly", 2025, 1, null));
        r.stored.add(new StoredPeriod("quarterly", 2024, 4, null));
        r.stored.add(new StoredPeriod("half_year", 2024, null, 2));
        return r;
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    private void check(String what) {
        asked.add(what);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public List<StoredLine> mentorLines(Scope scope, String periodType, int year, int number) {
        check(periodType + " " + year + " " + number);
        return List.copyOf(mentors);
    }

    @Override
    public List<StoredLine> teamLines(Scope scope, String periodType, int year, int number) {
        return List.copyOf(teams);
    }

    @Override
    public List<Membership> mentorMemberships(Scope scope) {
        return List.copyOf(memberships);
    }

    @Override
    public List<Membership> coordinatorAssociations(Scope scope, String periodType, int year, int number) {
        return List.copyOf(coordinatorScopes);
    }

    @Override
    public List<MentorStanding> mentorStandings(Scope scope) {
        return List.copyOf(standings);
    }

    @Override
    public List<StoredPeriod> periods(Scope scope) {
        return List.copyOf(stored);
    }

    @Override
    public Optional<String> timeZone(String organizationId) {
        return Optional.of("Europe/Oslo");
    }
}
