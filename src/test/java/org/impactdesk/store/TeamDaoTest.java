package org.impactdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.Membership;
import org.impactdesk.domain.StoredLine;
import org.impactdesk.domain.StoredPeriod;
import org.impactdesk.service.team.TeamFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Team screen's SQL on a migrated H2 holding rows made by the real generation. */
@MigratedH2(MigratedH2.Lifecycle.PER_CLASS)
class TeamDaoTest {
    static Database db;
    static TeamDao dao;

    @BeforeAll
    static void open(Database db) {
        TeamDaoTest.db = db;
        TeamFixture.write(db);
        dao = db.jdbi().onDemand(TeamDao.class);
    }

    static List<String> mentors(Actor actor) {
        return dao.mentorLines(actor.scope(), "quarterly", 2025, 1).stream().map(StoredLine::peerMentorId).toList();
    }

    @Test
    void aCoordinatorSeesOnlyTheMentorsOfTheirLocalAssociations() {
        // Kim coordinates la-2: Mira (la-1|la-2) and Sofie (la-2); Jonas is only in la-1
        assertThat(mentors(TeamFixture.KIM)).containsExactly("pm-1", "pm-3");
        assertThat(dao.mentorMemberships(TeamFixture.KIM.scope())).extracting(Membership::ownerId)
                .containsOnly("pm-1", "pm-3");
    }

    @Test
    void aCoordinatorSeesTheirOwnTeamRowOnly() {
        List<StoredLine> team = dao.teamLines(TeamFixture.KIM.scope(), "quarterly", 2025, 1);
        assertThat(team).hasSize(1);
        StoredLine kim = team.get(0);
        // expected/team-2025-q1-user-kim.json
        assertThat(kim.coordinatorId()).isEqualTo("user-kim");
        assertThat(kim.peerMentorId()).isNull();
        assertThat(kim.displayName()).isEqualTo("Kim Koordinator");
        assertThat(kim.totalSessions()).isEqualTo(6);
        assertThat(kim.totalHours()).isEqualByComparingTo("5.25");
        assertThat(kim.yoyDeltaPercent()).isEqualByComparingTo("500.00");
        assertThat(kim.outlierStatus()).isEqualTo("underactive");
        assertThat(kim.underactiveThresholdSessions()).isEqualTo(8);
        assertThat(kim.overloadedThresholdSessions()).isEqualTo(16);
        assertThat(dao.coordinatorAssociations(TeamFixture.KIM.scope(), "quarterly", 2025, 1))
                .containsExactly(new Membership("user-kim", "la-2", "Sørby"));
        assertThat(dao.teamLines(TeamFixture.ADA.scope(), "quarterly", 2025, 1)).extracting(StoredLine::coordinatorId)
                .containsExactly("user-kim");
    }

    @Test
    void nobodySeesAnotherOrganisation() {
        // Per's scope lists org-1's la-2 by mistake: the organisation check still keeps org-1 out
        assertThat(mentors(TeamFixture.PER)).containsExactly("pm-9");
        assertThat(dao.mentorMemberships(TeamFixture.PER.scope())).extracting(Membership::ownerId).containsOnly("pm-9");
        assertThat(dao.teamLines(TeamFixture.PER.scope(), "quarterly", 2025, 1)).extracting(StoredLine::coordinatorId)
                .containsExactly("user-per");
        assertThat(mentors(TeamFixture.ADA)).containsExactly("pm-2", "pm-1", "pm-3"); // by name: Jonas, Mira, Sofie
        assertThat(dao.teamLines(TeamFixture.ADA.scope(), "quarterly", 2025, 1)).extracting(StoredLine::coordinatorId)
                .doesNotContain("user-per");
        assertThat(dao.periods(TeamFixture.PER.scope())).allMatch(p -> p.year() == 2025 || p.year() == 2024);
        assertThat(mentors(Actor.localOperator())).containsExactlyInAnyOrder("pm-1", "pm-2", "pm-3", "pm-9");
    }

    @Test
    void aPeerMentorSeesOnlyTheirOwnRowAndNoTeamRow() {
        assertThat(mentors(TeamFixture.MIRA)).containsExactly("pm-1");
        assertThat(dao.teamLines(TeamFixture.MIRA.scope(), "quarterly", 2025, 1)).isEmpty();
    }

    @Test
    void storedFiguresComeBackAsStoredWithNullsKept() {
        List<StoredLine> lines = dao.mentorLines(TeamFixture.KIM.scope(), "quarterly", 2025, 1);
        StoredLine mira = lines.get(0);
        assertThat(mira.displayName()).isEqualTo("Mira Eksempel");
        assertThat(mira.totalSessions()).isEqualTo(9);
        assertThat(mira.totalHours()).isEqualTo(new BigDecimal("7.83"));
        assertThat(mira.yoyDeltaSessions()).isEqualTo(5);
        assertThat(mira.yoyDeltaHours()).isEqualTo(new BigDecimal("4.00"));
        assertThat(mira.yoyDeltaPercent()).isEqualTo(new BigDecimal("125.00"));
        assertThat(mira.priorYearTotalSessions()).isEqualTo(4);
        assertThat(mira.outlierStatus()).isEqualTo("overloaded");
        StoredLine sofie = lines.get(1);
        assertThat(sofie.outlierStatus()).isEqualTo("underactive");
        assertThat(sofie.yoyDeltaSessions()).isNull();
        assertThat(sofie.yoyDeltaHours()).isNull();
        assertThat(sofie.yoyDeltaPercent()).isNull();
        assertThat(sofie.priorYearTotalSessions()).isNull();
        assertThat(sofie.priorYearTotalHours()).isNull();
    }

    @Test
    void halvesAreReadByTheirNumberAndPeriodsListEachStoredPeriodOnce() {
        assertThat(dao.mentorLines(TeamFixture.KIM.scope(), "half_year", 2025, 1)).extracting(StoredLine::peerMentorId)
                .containsExactly("pm-1", "pm-3");
        List<StoredPeriod> periods = dao.periods(TeamFixture.KIM.scope());
        assertThat(periods).doesNotHaveDuplicates()
                .contains(new StoredPeriod("quarterly", 2025, 1, null), new StoredPeriod("half_year", 2025, null, 2));
        assertThat(dao.periods(Scope.self("nobody", "org-1", "pm-none"))).isEmpty();
        assertThat(dao.timeZone("org-1")).contains("Europe/Oslo");
        assertThat(dao.timeZone("org-none")).isEmpty();
    }

    /**
     * A coordinator of both of Mira's associations: the reads that start from a coordinator's
     * mentors (Scope.mentorIdsOnceSql) count and list her once, as the IN (subquery) reads did.
     */
    @Test
    void aMentorInTwoOfACoordinatorsAssociationsIsReadOnce() {
        db.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO users (id, organization_id, display_name) VALUES ('user-two', 'org-1', 'Toril To')");
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('user-two', 'coordinator')");
            h.execute("INSERT INTO coordinator_scopes (user_id, local_association_id) VALUES ('user-two', 'la-1'), ('user-two', 'la-2')");
        });
        Scope both = Scope.associations("user-two", "org-1");
        org.impactdesk.domain.Period q1 = new org.impactdesk.domain.Period.Quarter(2025, 1);
        // by name: Jonas (la-1), Mira (la-1|la-2), Sofie (la-2)
        assertThat(dao.mentorLines(both, "quarterly", 2025, 1)).extracting(StoredLine::peerMentorId)
                .containsExactly("pm-2", "pm-1", "pm-3");
        assertThat(dao.mentorLines(both, "half_year", 2025, 1)).extracting(StoredLine::peerMentorId)
                .containsExactly("pm-2", "pm-1", "pm-3");
        assertThat(dao.mentorStandings(both)).extracting(org.impactdesk.domain.MentorStanding::peerMentorId)
                .containsExactlyInAnyOrder("pm-1", "pm-2", "pm-3");
        HomeDao.MentorAggregate mine = new HomeDao(db.jdbi()).mentorAggregate(both, q1);
        HomeDao.MentorAggregate admins = new HomeDao(db.jdbi()).mentorAggregate(TeamFixture.ADA.scope(), q1);
        assertThat(mine).isEqualTo(admins); // la-1 and la-2 are org-1's every association
        FollowUpDao followUps = new FollowUpDao(db.jdbi());
        assertThat(followUps.statuses(both, q1, new org.impactdesk.domain.Period.Quarter(2024, 4)))
                .extracting(s -> s.mentor().peerMentorId() + " " + s.period())
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(followUps.statuses(TeamFixture.ADA.scope(), q1,
                        new org.impactdesk.domain.Period.Quarter(2024, 4)).stream()
                        .map(s -> s.mentor().peerMentorId() + " " + s.period()).toList());
        java.time.YearMonth first = org.impactdesk.domain.MonthlySessions.firstMonthFor(q1);
        org.impactdesk.domain.MonthlySessions months = followUps.monthlySessions(both, first);
        org.impactdesk.domain.MonthlySessions all = followUps.monthlySessions(TeamFixture.ADA.scope(), first);
        assertThat(months.byMentor().keySet()).isEqualTo(all.byMentor().keySet()).isNotEmpty();
        months.byMentor().forEach((pm, m) -> assertThat(m).containsExactly(all.of(pm)));
    }
}
