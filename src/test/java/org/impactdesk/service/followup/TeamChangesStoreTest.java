package org.impactdesk.service.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.impactdesk.domain.MentorRef;
import org.impactdesk.domain.Period;
import org.impactdesk.domain.TeamChanges;
import org.impactdesk.service.home.ExampleDatabase;
import org.impactdesk.store.Database;
import org.impactdesk.store.FollowUpDao;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.Test;

/**
 * What changed between two stored quarters (the worked example's 2025 Q1 and Q2, with their
 * stored statuses set here to known values: the rule that produced them is generation's concern).
 */
@MigratedH2
class TeamChangesStoreTest {
    static final Period Q1 = new Period.Quarter(2025, 1);
    static final Period Q2 = new Period.Quarter(2025, 2);

    static void status(Database db, String pm, int quarter, String status) {
        db.jdbi().useHandle(h -> h.execute("""
                UPDATE periodic_summaries SET outlier_status = ? WHERE peer_mentor_id = ? AND coordinator_id IS NULL
                AND period_type = 'quarterly' AND year = 2025 AND quarter = ?""", status, pm, quarter));
    }

    @Test
    void newlyFlaggedBackToNormalNewAndFollowUpsStillFlagged(Database db) {
        ExampleDatabase.fill(db);
        // Mira pm-1: overloaded -> normal; Jonas pm-2: normal -> underactive; Sofie pm-3: underactive -> underactive
        status(db, "pm-1", 1, "overloaded");
        status(db, "pm-1", 2, "normal");
        status(db, "pm-2", 1, "normal");
        status(db, "pm-2", 2, "underactive");
        status(db, "pm-3", 1, "underactive");
        status(db, "pm-3", 2, "underactive");
        Clock clock = Clock.fixed(Instant.parse("2026-01-10T12:00:00Z"), ZoneOffset.UTC);
        StoredFollowUpService service = new StoredFollowUpService(new FollowUpDao(db.jdbi()), clock);
        service.save(ExampleDatabase.KIM, "pm-3", Q1, LocalDate.of(2025, 4, 3), "called");
        service.save(ExampleDatabase.KIM, "pm-1", Q1, LocalDate.of(2025, 4, 3), "called too");

        TeamChanges admin = service.changes(ExampleDatabase.ADA, Q2);
        assertThat(admin.before()).isEqualTo(Q1);
        assertThat(admin.newlyUnderactive()).extracting(MentorRef::peerMentorId).containsExactly("pm-2");
        assertThat(admin.newlyOverloaded()).isEmpty();
        assertThat(admin.backToNormal()).extracting(MentorRef::peerMentorId).containsExactly("pm-1");
        assertThat(admin.stillFlagged()).as("the admin wrote no follow-ups").isEmpty();

        TeamChanges kim = service.changes(ExampleDatabase.KIM, Q2);
        assertThat(kim.newlyUnderactive()).as("Jonas is outside Kim's scope").isEmpty();
        assertThat(kim.backToNormal()).extracting(MentorRef::displayName).containsExactly("Mira Eksempel");
        assertThat(kim.stillFlagged()).extracting(MentorRef::peerMentorId).containsExactly("pm-3");

        db.jdbi().useHandle(h -> h.execute("UPDATE peer_mentors SET status = 'paused' WHERE id = 'pm-2'"));
        assertThat(service.changes(ExampleDatabase.ADA, Q2).newlyUnderactive()).as("paused is not underactive").isEmpty();
        assertThat(service.changes(ExampleDatabase.ADA, Q1).newMentors()).as("no Q4 2024 rows: everyone is new in Q1")
                .extracting(MentorRef::peerMentorId).containsExactlyInAnyOrder("pm-1", "pm-2", "pm-3");
    }
}
