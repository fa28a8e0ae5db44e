package org.impactdesk.service.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import org.impactdesk.domain.MonthlySessions;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamLine;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.service.team.StoredTeamService;
import org.impactdesk.store.Database;
import org.impactdesk.store.FollowUpDao;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.TeamDao;
import org.junit.jupiter.api.Test;

/** Generation stores sessions per month beside the periodic rows; the sparklines read them in scope. */
@MigratedH2
class MonthlySessionsStoreTest {

    @Test
    void theMonthsOfAQuarterAddUpToItsStoredSessionsAndStayInScope(Database db) {
        ExampleDatabase.fill(db);
        FollowUpService service = new StoredFollowUpService(new FollowUpDao(db.jdbi()), Clock.systemUTC());
        Period q1 = new Period.Quarter(2025, 1);
        MonthlySessions admin = service.monthlySessions(ExampleDatabase.ADA, q1);
        assertThat(admin.stored()).isTrue();
        assertThat(admin.firstMonth()).isEqualTo(YearMonth.of(2024, 4));
        for (TeamLine line : new StoredTeamService(db.jdbi().onDemand(TeamDao.class), Clock.systemUTC())
                .table(ExampleDatabase.ADA, q1).mentorLines()) {
            int[] months = admin.of(line.peerMentorId());
            assertThat(Arrays.stream(months, 9, 12).sum()).as(line.name() + ": Jan-Mar 2025 = the stored Q1 sessions")
                    .isEqualTo(line.sessions());
        }
        MonthlySessions kim = service.monthlySessions(ExampleDatabase.KIM, q1);
        assertThat(kim.byMentor()).as("Jonas is outside Kim's scope").doesNotContainKey("pm-2");
        assertThat(admin.byMentor()).containsKey("pm-2");
    }
}
