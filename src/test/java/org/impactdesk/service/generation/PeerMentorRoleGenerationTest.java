package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ALL;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Scope;
import org.impactdesk.domain.ImportOptions;
import org.impactdesk.domain.ImportReport;
import org.impactdesk.domain.StoredLine;
import org.impactdesk.service.importing.BundleImporter;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.TeamDao;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 2, after the import: a users.csv import that takes the peer_mentor role from a
 * user whose peer_mentors row stays. From then on that person gets no summary, counts in no
 * percentile cohort, is on no team row and on no Team roster; what was stored while they held the
 * role stays. Ten mentors pm-01..pm-10 with 1..10 one-hour activities in March 2025 (a cohort of
 * ten), and pm-big with 20 (more than anyone), whose user loses the role; coordinator u-coord of
 * the association.
 */
@MigratedH2
class PeerMentorRoleGenerationTest {
    @TempDir
    Path dir;

    @Test
    void aMentorWhoseUserLostTheRoleGetsNoSummaryAndIsInNoCohortTeamRowOrRoster(Database db) throws Exception {
        RuleDb t = new RuleDb(db);
        t.org("o1", true).coordinator("u-coord", "o1", "la-o1");
        for (int i = 1; i <= 10; i++) {
            String pm = String.format("pm-%02d", i);
            t.mentor(pm, "o1", "la-o1", "active", null);
            t.daily(pm, "o1", "2025-03-01", i);
        }
        t.mentor("pm-big", "o1", "la-o1", "active", null);
        t.daily("pm-big", "o1", "2024-03-01", 5);
        t.daily("pm-big", "o1", "2025-03-01", 20);
        // 2024 is generated while pm-big holds the role: their rows are stored and stay
        t.generate(2024, ALL, "2026-01-10");
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE peer_mentor_id = 'pm-big' AND year = 2024")).isEqualTo(1);

        Path users = dir.resolve("b").resolve("users.csv");
        Files.createDirectories(users.getParent());
        Files.writeString(users, "id,organization_id,display_name,email,roles,local_association_ids\n"
                + "u-pm-big,o1,Name of u-pm-big,,coordinator,la-o1\n");
        ImportReport r = new BundleImporter(db, Clock.systemUTC()).importBundle(users.getParent(), ImportOptions.allOrNothing(),
                Actor.localOperator(), null);
        assertThat(r.errors()).isEmpty();
        assertThat(t.count("SELECT COUNT(*) FROM user_roles WHERE user_id = 'u-pm-big' AND role = 'peer_mentor'")).isZero();

        t.generate(2025, ALL, "2026-01-10");
        // no summary of any kind for 2025
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE peer_mentor_id = 'pm-big' AND year = 2025")).isZero();
        assertThat(t.count("SELECT COUNT(*) FROM impact_summaries WHERE peer_mentor_id = 'pm-big' AND year = 2025")).isZero();
        assertThat(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE (peer_mentor_id = 'pm-big' OR user_id = 'u-pm-big') "
                + "AND coordinator_id IS NULL AND year = 2025")).isZero();
        // the cohort is the ten: pm-10 has more hours than the nine others, 100 * 9 / 9 (with pm-big: 100 * 9 / 10 = 90.0)
        assertThat((BigDecimal) t.annual("pm-10", 2025).get("percentile_rank")).isEqualByComparingTo("100.0");
        assertThat((BigDecimal) t.annual("pm-01", 2025).get("percentile_rank")).isEqualByComparingTo("0.0");
        // the team row counts the ten mentors' 55 sessions, not pm-big's 20; pm-big (now a coordinator of
        // la-o1 themself) has a team row of the ten too
        assertThat(t.count("SELECT total_sessions FROM periodic_summaries WHERE coordinator_id = 'u-coord' "
                + "AND period_type = 'quarterly' AND year = 2025 AND quarter = 1")).isEqualTo(55);
        // the roster: neither 2025 (no row) nor 2024 (a stored row) lists pm-big any more
        TeamDao team = db.jdbi().onDemand(TeamDao.class);
        assertThat(team.mentorLines(Scope.everything(), "quarterly", 2025, 1)).extracting(StoredLine::peerMentorId)
                .hasSize(10).doesNotContain("pm-big");
        assertThat(team.mentorLines(Scope.everything(), "quarterly", 2024, 1)).extracting(StoredLine::peerMentorId)
                .doesNotContain("pm-big");
        assertThat(team.mentorMemberships(Scope.everything())).extracting(m -> m.ownerId()).doesNotContain("pm-big");
        // nor do Home's figures count pm-big's stored 2024 row any more
        org.impactdesk.store.HomeDao home = new org.impactdesk.store.HomeDao(db.jdbi());
        assertThat(home.mentorAggregate(Scope.everything(), new org.impactdesk.domain.Period.Quarter(2024, 1)).mentors())
                .isEqualTo(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE coordinator_id IS NULL AND year = 2024 "
                        + "AND period_type = 'quarterly' AND quarter = 1 AND peer_mentor_id <> 'pm-big'"));
        assertThat(home.mentorAggregate(Scope.everything(), new org.impactdesk.domain.Period.Quarter(2025, 1)).mentors())
                .isEqualTo(10);
        // what was stored while they held the role stays
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE peer_mentor_id = 'pm-big' AND year = 2024")).isEqualTo(1);
    }
}
