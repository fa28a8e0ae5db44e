package org.impactdesk.service.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import org.impactdesk.domain.HomeFigures;
import org.impactdesk.domain.Period;
import org.impactdesk.service.home.HomeService.PeriodKind;
import org.impactdesk.store.Database;
import org.impactdesk.store.HomeDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.store.SummaryReadDao;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
/** Home figures read from the stored example summaries (expected/periodic-2025-q1.json, team-2025-q1-user-kim.json). */
@MigratedH2(MigratedH2.Lifecycle.PER_CLASS)
class HomeServiceTest {
    static Database db;
    static HomeService service;
    static final Period Q1 = new Period.Quarter(2025, 1);

    @BeforeAll
    static void open(Database db) {
        HomeServiceTest.db = ExampleDatabase.fill(db);
        service = new StoredHomeService(new HomeDao(db.jdbi()), new SummaryReadDao(db.jdbi()), new OrganizationDao(db.jdbi()),
                Clock.systemUTC());
    }

    @Test
    void aCoordinatorSeesTheirTeamRowAndCountsOfTheirOwnMentors() {
        HomeFigures f = service.figures(ExampleDatabase.KIM, Q1);
        assertThat(f.source()).isEqualTo(HomeFigures.Source.TEAM_ROW);
        assertThat(f.hours()).isEqualByComparingTo("5.25");
        assertThat(f.sessions()).isEqualTo(6);
        assertThat(f.yoyDeltaSessions()).isEqualTo(5);
        assertThat(f.yoyPercent()).isEqualByComparingTo("500.00");
        // Kim's scope is la-2: Mira (overloaded, 9 sessions) and Sofie (underactive, 2); not Jonas
        assertThat(f.mentorsInScope()).isEqualTo(2);
        assertThat(f.activeMentors()).isEqualTo(2);
        assertThat(f.underactive()).isEqualTo(1);
        assertThat(f.overloaded()).isEqualTo(1);
    }

    @Test
    void anAdminSeesTheOrganisationsMentorsSummedInSql() {
        HomeFigures f = service.figures(ExampleDatabase.ADA, Q1);
        assertThat(f.source()).isEqualTo(HomeFigures.Source.MENTORS_IN_SCOPE);
        assertThat(f.hours()).isEqualByComparingTo("14.08"); // 7.83 + 5.17 + 1.08
        assertThat(f.sessions()).isEqualTo(17);
        assertThat(f.mentorsInScope()).isEqualTo(3);
        assertThat(f.underactive()).isEqualTo(1);
        assertThat(f.overloaded()).isEqualTo(1);
        // prior: Mira 4, Jonas 0, Sofie none -> 4; (17 - 4) / 4 = 325 %
        assertThat(f.yoyDeltaSessions()).isEqualTo(13);
        assertThat(f.yoyPercent()).isEqualByComparingTo(new BigDecimal("325.00"));
    }

    @Test
    void aPeerMentorSeesOnlyTheirOwnRow() {
        HomeFigures f = service.figures(ExampleDatabase.SOFIE, Q1);
        assertThat(f.mentorsInScope()).isEqualTo(1);
        assertThat(f.sessions()).isEqualTo(2);
        assertThat(f.hours()).isEqualByComparingTo("1.08");
        assertThat(f.underactive()).isEqualTo(1);
        assertThat(f.yoyDeltaSessions()).isNull();
        assertThat(f.yoyPercent()).isNull();
    }

    @Test
    void storedPeriodsAreScopedAndNewestFirst() {
        assertThat(service.storedPeriods(ExampleDatabase.KIM, PeriodKind.QUARTER)).containsExactly(
                new Period.Quarter(2025, 4), new Period.Quarter(2025, 3), new Period.Quarter(2025, 2), Q1);
        assertThat(service.storedPeriods(ExampleDatabase.KIM, PeriodKind.HALF)).containsExactly(
                new Period.Half(2025, 2), new Period.Half(2025, 1));
    }

    @Test
    void anEmptyPeriodIsEmpty() {
        HomeFigures f = service.figures(ExampleDatabase.ADA, new Period.Quarter(2019, 2));
        assertThat(f.empty()).isTrue();
        assertThat(f.hours()).isEqualByComparingTo("0");
        assertThat(f.yoyPercent()).isNull();
    }

    @Test
    void theDefaultPeriodIsTheLastClosedOne() {
        assertThat(HomeService.lastClosed(PeriodKind.QUARTER, LocalDate.of(2026, 1, 10))).isEqualTo(new Period.Quarter(2025, 4));
        assertThat(HomeService.lastClosed(PeriodKind.QUARTER, LocalDate.of(2026, 5, 1))).isEqualTo(new Period.Quarter(2026, 1));
        assertThat(HomeService.lastClosed(PeriodKind.HALF, LocalDate.of(2026, 6, 30))).isEqualTo(new Period.Half(2025, 2));
        assertThat(HomeService.lastClosed(PeriodKind.HALF, LocalDate.of(2026, 7, 1))).isEqualTo(new Period.Half(2026, 1));
    }
}
