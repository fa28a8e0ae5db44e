package org.impactdesk.service.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.impactdesk.domain.HomeFigures;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.service.team.StoredTeamService;
import org.impactdesk.store.Database;
import org.impactdesk.store.HomeDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.OrganizationDao;
import org.impactdesk.store.SummaryReadDao;
import org.impactdesk.store.TeamDao;
import org.junit.jupiter.api.Test;

/** The worked example with Sofie (stored underactive in 2025 Q1) paused: Home and Team read it, nothing is rewritten. */
@MigratedH2
class PausedMentorStoreTest {
    static final Period Q1 = new Period.Quarter(2025, 1);

    @Test
    void aPausedMentorLeavesTheUnderactiveCountButKeepsTheStoredStatus(Database db) {
        ExampleDatabase.fill(db);
        db.jdbi().useHandle(h -> h.execute("UPDATE peer_mentors SET status = 'paused' WHERE id = 'pm-3'"));
        HomeService home = new StoredHomeService(new HomeDao(db.jdbi()), new SummaryReadDao(db.jdbi()),
                new OrganizationDao(db.jdbi()), Clock.systemUTC());

        HomeFigures f = home.figures(ExampleDatabase.ADA, Q1);
        assertThat(f.underactive()).isZero();
        assertThat(f.pausedUnderactive()).isEqualTo(1);
        assertThat(f.overloaded()).isEqualTo(1);
        assertThat(home.figures(ExampleDatabase.KIM, Q1).pausedUnderactive()).isEqualTo(1);

        TeamLine sofie = new StoredTeamService(db.jdbi().onDemand(TeamDao.class), Clock.systemUTC())
                .table(ExampleDatabase.ADA, Q1).mentorLines().stream()
                .filter(l -> l.peerMentorId().equals("pm-3")).findFirst().orElseThrow();
        assertThat(sofie.paused()).isTrue();
        assertThat(sofie.mentorStatus()).isEqualTo("paused");

        String stored = db.jdbi().withHandle(h -> h.createQuery("""
                SELECT outlier_status FROM periodic_summaries WHERE peer_mentor_id = 'pm-3' AND coordinator_id IS NULL
                AND period_type = 'quarterly' AND year = 2025 AND quarter = 1""").mapTo(String.class).one());
        assertThat(stored).as("the stored row follows the seeds").isEqualTo("underactive");
    }
}
