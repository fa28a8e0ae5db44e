package org.impactdesk.service.mentor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.MentorOverview;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.MentorSummaryDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.SummaryReadDao;
import org.impactdesk.store.TeamDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 8: coordinator Kim (scope la-1: Mira) is also peer mentor pm-kim of la-2, outside
 * that scope. Kim reads their own summaries through the services as any peer mentor reads theirs,
 * still not Ola's (la-2), and is not put on their own team's roster.
 */
@MigratedH2
class CoordinatorAlsoMentorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    Database db;
    Actor kim;
    StoredMentorService service;

    @BeforeEach
    void open(Database db) {
        this.db = db;
        MentorFixture.write(db);
        MentorFixture.coordinatorAlsoMentor(db);
        kim = new ActorDao(db.jdbi()).find(MentorFixture.KIM).orElseThrow();
        service = new StoredMentorService(new MentorSummaryDao(db.jdbi()), OpenYearPreview.unavailable());
    }

    @Test
    void theCoordinatorSeesTheirOwnSummariesOutsideTheirScopeButNoOneElsesThere() {
        assertThat(kim.peerMentorId()).isEqualTo(MentorFixture.KIM_MENTOR);
        assertThat(kim.scope().kind()).isEqualTo(Scope.Kind.ASSOCIATIONS);
        assertThat(service.mentorsInScope(kim)).extracting(MentorRef::peerMentorId)
                .containsExactlyInAnyOrder(MentorFixture.MIRA, MentorFixture.KIM_MENTOR);
        MentorOverview own = service.overview(kim, MentorFixture.KIM_MENTOR, 2025, TODAY);
        assertThat(own.summaries()).isNotEmpty();
        assertThat(own.quarters().get(0).thisYearSessions()).isEqualTo(4);
        assertThat(own.availableYears()).contains(2025);
        // Ola shares la-2 with Kim's own mentor row, but la-2 is not in Kim's coordinator scope
        assertThatThrownBy(() -> service.overview(kim, MentorFixture.OLA, 2025, TODAY))
                .isInstanceOf(MentorService.MentorNotFoundException.class);
    }

    @Test
    void theScopedSummaryReadsGiveTheOwnRowsAndNotTheOthersOfTheSameAssociation() {
        SummaryReadDao read = new SummaryReadDao(db.jdbi());
        assertThat(read.annual(kim.scope(), MentorFixture.KIM_MENTOR, 2025)).isPresent();
        assertThat(read.annual(kim.scope(), MentorFixture.OLA, 2025)).isEmpty();
        assertThat(read.annualList(kim.scope(), 2025)).extracting(s -> s.peerMentorId())
                .containsExactlyInAnyOrder(MentorFixture.MIRA, MentorFixture.KIM_MENTOR);
        // without their peer-mentor row the same coordinator scope does not reach pm-kim
        Scope plain = Scope.associations(MentorFixture.KIM, "org-1");
        assertThat(read.annual(plain, MentorFixture.KIM_MENTOR, 2025)).isEmpty();
    }

    @Test
    void theTeamRosterOfTheCoordinatorIsStillTheirAssociationsOnly() {
        TeamDao team = db.jdbi().onDemand(TeamDao.class);
        assertThat(team.mentorLines(kim.scope(), "quarterly", 2025, 1)).extracting(l -> l.peerMentorId())
                .containsExactly(MentorFixture.MIRA);
    }
}
