package org.impactdesk.service.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.Association;
import org.impactdesk.domain.OutlierStatus;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.domain.TeamTable;
import org.junit.jupiter.api.Test;
/** The Team service's period rules and how it lays stored rows out, on the in-memory reader. */
class TeamServiceTest {
    static final Actor KIM = new Actor("user-kim", "Kim", "org-1", Set.of(Role.COORDINATOR), null);

    @Test
    void theLastClosedQuarterAndHalfTurnAtTheBoundaries() {
        assertThat(TeamService.lastClosedQuarter(LocalDate.of(2026, 1, 10))).isEqualTo(new Period.Quarter(2025, 4));
        assertThat(TeamService.lastClosedQuarter(LocalDate.of(2026, 3, 31))).isEqualTo(new Period.Quarter(2025, 4));
        assertThat(TeamService.lastClosedQuarter(LocalDate.of(2026, 4, 1))).isEqualTo(new Period.Quarter(2026, 1));
        assertThat(TeamService.lastClosedQuarter(LocalDate.of(2026, 12, 31))).isEqualTo(new Period.Quarter(2026, 3));
        assertThat(TeamService.lastClosedHalf(LocalDate.of(2026, 6, 30))).isEqualTo(new Period.Half(2025, 2));
        assertThat(TeamService.lastClosedHalf(LocalDate.of(2026, 7, 1))).isEqualTo(new Period.Half(2026, 1));
    }

    @Test
    void todayIsTheOrganisationsDate() {
        // 22:30 UTC on 31 March is already 1 April in Oslo: Q1 has closed there
        Clock clock = Clock.fixed(Instant.parse("2025-03-31T22:30:00Z"), ZoneOffset.UTC);
        TeamService service = new StoredTeamService(FakeTeamReader.sample(), clock);
        assertThat(service.today(KIM)).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(service.defaultPeriod(KIM)).isEqualTo(new Period.Quarter(2025, 1));
        // no organisation (a global admin): the platform default zone, Oslo
        assertThat(service.today(Actor.localOperator())).isEqualTo(LocalDate.of(2025, 4, 1));
    }

    @Test
    void periodsAreTheStoredOnesAndTheLastClosedNewestFirst() {
        TeamService service = new StoredTeamService(FakeTeamReader.sample(), TeamFixture.CLOCK); // 10 January 2026
        assertThat(service.periods(KIM)).containsExactly(new Period.Quarter(2025, 4), new Period.Half(2025, 2),
                new Period.Quarter(2025, 1), new Period.Quarter(2024, 4), new Period.Half(2024, 2));
    }

    @Test
    void linesCarryTheirAssociationsAndTheFilterListsOnlyThoseShown() {
        TeamTable table = new StoredTeamService(FakeTeamReader.sample(), TeamFixture.CLOCK).table(KIM, new Period.Quarter(2025, 1));
        assertThat(table.teamLines()).singleElement().satisfies(t -> {
            assertThat(t.isTeam()).isTrue();
            assertThat(t.associationNames()).isEqualTo("Sørby");
            assertThat(t.status()).isEqualTo(OutlierStatus.UNDERACTIVE);
        });
        TeamLine mira = table.mentorLines().stream().filter(l -> l.peerMentorId().equals("pm-1")).findFirst().orElseThrow();
        assertThat(mira.associationNames()).isEqualTo("Nordby, Sørby");
        assertThat(mira.belongsTo("la-1")).isTrue();
        assertThat(table.associations()).extracting(Association::name).containsExactly("Nordby", "Sørby");
        assertThatThrownBy(() -> new StoredTeamService(FakeTeamReader.sample(), TeamFixture.CLOCK).table(KIM, new Period.Year(2025)))
                .hasMessageContaining("quarter or a half");
    }
}
