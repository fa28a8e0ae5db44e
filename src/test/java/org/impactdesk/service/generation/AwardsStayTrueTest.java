package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.MentorOverview;
import org.impactdesk.domain.StoredSummaries;
import org.impactdesk.service.catalog.AchievementEvaluation;
import org.impactdesk.service.mentor.OpenYearPreview;
import org.impactdesk.service.mentor.StoredMentorService;
import org.impactdesk.store.ActorDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.MentorSummaryDao;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 6 with the platform catalog (V30) and the real evaluation inside generation. Mentor
 * pm-b (Oslo) has ten one-hour approved activities, one a day from 2025-12-27 to 2026-01-05. The
 * 2025 Wrapped (ready, so frozen) lists the awards dated in 2025: first_activity (12-27),
 * three_day_streak (12-29), monthly_regular 2025-12 (12-30); ten_activities, ten_hours and
 * seven_day_streak cross in 2026; annual_wrapped 2025 is dated on the last moment of 2025 in Oslo.
 * A sync then rejects the activities of 12-28, 12-29 and 01-02.
 */
@MigratedH2
class AwardsStayTrueTest {
    static final Instant LAST_MOMENT_OF_2025_IN_OSLO = Instant.parse("2025-12-31T22:59:59.999999Z");
    RuleDb t;
    GenerationService generation;
    Map<String, String> ids = new java.util.HashMap<>();

    @BeforeEach
    void mentor(Database db) {
        t = new RuleDb(db);
        generation = new GenerationService(db, n -> { }, List.of(new AchievementEvaluation(db.jdbi())), t.clock, Locale.ENGLISH);
        t.org("o1", true).mentor("pm-b", "o1", "la-o1", "active", null);
        LocalDate d = LocalDate.parse("2025-12-27");
        for (int i = 0; i < 10; i++, d = d.plusDays(1)) {
            ids.put(d.toString(), t.approved("pm-b", "o1", d + "T09:00:00Z", 60));
        }
        generate();
        assertThat(t.annual("pm-b", 2025).get("status")).isEqualTo("ready");
    }

    void generate() {
        generation.generate(new GenerationRequest(Set.of(2025), GenerationRequest.Selection.ANNUAL, null,
                LocalDate.parse("2026-01-10"), false), Actor.localOperator());
    }

    /** What a sync that rejects these activities leaves: the rows changed and their years marked stale. */
    void syncRejects(String... dates) {
        for (String date : dates) {
            t.db.jdbi().useHandle(h -> h.execute("UPDATE activities SET approval_status = 'rejected' WHERE id = ?", ids.get(date)));
            t.stale("pm-b", Integer.parseInt(date.substring(0, 4)));
        }
    }

    /** The held awards of u-pm-b as "key period_key". */
    List<String> held() {
        return t.rows("""
                SELECT a.key || ' ' || ua.period_key AS k FROM user_achievements ua JOIN achievements a ON a.id = ua.achievement_id
                WHERE ua.user_id = 'u-pm-b' ORDER BY a.key, ua.period_key""").stream().map(r -> (String) r.get("k")).toList();
    }

    List<String> withdrawn() {
        return t.rows("""
                SELECT a.key || ' ' || w.period_key AS k FROM award_withdrawals w JOIN achievements a ON a.id = w.achievement_id
                WHERE w.user_id = 'u-pm-b' ORDER BY a.key, w.period_key""").stream().map(r -> (String) r.get("k")).toList();
    }

    @Test
    void theAnnualBadgeIsDatedOnTheLastMomentOfItsYearInTheOrganisationsZone() {
        Map<String, Object> award = t.row("""
                SELECT ua.awarded_at FROM user_achievements ua JOIN achievements a ON a.id = ua.achievement_id
                WHERE ua.user_id = 'u-pm-b' AND a.key = 'annual_wrapped' AND ua.period_key = '2025'""");
        assertThat(GenerationRulesTest.inst(award.get("awarded_at"))).isEqualTo(LAST_MOMENT_OF_2025_IN_OSLO);
    }

    @Test
    void anAnnualBadgeDatedWhenItsSummaryBecameReadyIsRedatedByTheNextEvaluation() {
        t.db.jdbi().useHandle(h -> h.execute("""
                UPDATE user_achievements SET awarded_at = TIMESTAMP WITH TIME ZONE '2026-01-10 08:00:00+00'
                WHERE user_id = 'u-pm-b' AND period_key = '2025'
                  AND achievement_id = (SELECT id FROM achievements WHERE key = 'annual_wrapped')"""));
        new AchievementEvaluation(t.db.jdbi()).evaluate(Actor.localOperator(), null);
        Map<String, Object> award = t.row("""
                SELECT ua.awarded_at FROM user_achievements ua JOIN achievements a ON a.id = ua.achievement_id
                WHERE ua.user_id = 'u-pm-b' AND a.key = 'annual_wrapped'""");
        assertThat(GenerationRulesTest.inst(award.get("awarded_at"))).isEqualTo(LAST_MOMENT_OF_2025_IN_OSLO);
    }

    @Test
    void awardsWhoseRuleNoLongerHoldsAfterASyncAreWithdrawnByTheNextGenerationUnlessTheFrozenSummaryListsThem() {
        assertThat(held()).containsExactly("annual_wrapped 2025", "first_activity once", "monthly_regular 2025-12",
                "monthly_regular 2026-01", "seven_day_streak once", "ten_activities once", "ten_hours once",
                "three_day_streak once");
        String frozenBadges = (String) t.annual("pm-b", 2025).get("achievements_earned");

        syncRejects("2025-12-28", "2025-12-29", "2026-01-02");
        generate();

        // 7 counted activities: no 10 activities, no 10 hours, no 7 days in a row (12-30..01-01 at most)
        assertThat(withdrawn()).containsExactly("seven_day_streak once", "ten_activities once", "ten_hours once");
        // December has 3 counted activities now, but the frozen 2025 Wrapped lists monthly_regular 2025-12: kept
        assertThat(held()).containsExactly("annual_wrapped 2025", "first_activity once", "monthly_regular 2025-12",
                "monthly_regular 2026-01", "three_day_streak once");
        assertThat(t.annual("pm-b", 2025).get("achievements_earned")).isEqualTo(frozenBadges);
        assertThat(t.rows("SELECT reason FROM award_withdrawals WHERE user_id = 'u-pm-b' ORDER BY reason"))
                .extracting(r -> (String) r.get("reason")).containsExactly(
                        "seven_day_streak (once): no run of 7 days in a row after the activities changed",
                        "ten_activities (once): fewer than 10 counted activities after the activities changed",
                        "ten_hours (once): fewer than 10 counted hours after the activities changed");

        // a second run withdraws nothing more and awards nothing back
        generate();
        assertThat(withdrawn()).hasSize(3);
        assertThat(held()).hasSize(5);
    }

    @Test
    void theFullEvaluationWithdrawsAsWellAndAnActivityApprovedAgainEarnsTheBadgeAgain() {
        syncRejects("2025-12-28", "2025-12-29", "2026-01-02");
        AchievementEvaluation evaluation = new AchievementEvaluation(t.db.jdbi());
        evaluation.evaluate(Actor.localOperator(), null);
        assertThat(withdrawn()).containsExactly("seven_day_streak once", "ten_activities once", "ten_hours once");

        t.db.jdbi().useHandle(h -> h.execute("UPDATE activities SET approval_status = 'approved'"));
        evaluation.evaluate(Actor.localOperator(), null);
        assertThat(held()).contains("seven_day_streak once", "ten_activities once", "ten_hours once");
    }

    @Test
    void aFrozenSummaryKeepsShowingABadgeDeactivatedLater() {
        t.db.jdbi().useHandle(h -> h.execute("UPDATE achievements SET is_active = FALSE WHERE key = 'monthly_regular'"));
        syncRejects("2026-01-02");
        generate();
        // the mentor sees their Wrapped once an admin has released it (issue 19's review gate)
        t.db.jdbi().useHandle(h -> h.execute("INSERT INTO annual_releases (annual_summary_id, released_at, released_by) "
                + "SELECT id, CURRENT_TIMESTAMP, 'u-admin' FROM annual_summaries WHERE peer_mentor_id = 'pm-b' AND year = 2025"));
        Actor mentor = new ActorDao(t.db.jdbi()).find("u-pm-b").orElseThrow();
        MentorOverview o = new StoredMentorService(new MentorSummaryDao(t.db.jdbi()), OpenYearPreview.unavailable())
                .overview(mentor, "pm-b", 2025, LocalDate.parse("2026-01-10"));
        assertThat(o.awards()).extracting(StoredSummaries.AwardItem::key).contains("monthly_regular");
        assertThat(o.awards()).filteredOn(a -> "monthly_regular".equals(a.key())).extracting(StoredSummaries.AwardItem::name)
                .containsExactly("Regular this month");
        // an inactive badge is not evaluated, so its awards are not withdrawn either
        assertThat(held()).contains("monthly_regular 2025-12", "monthly_regular 2026-01");
    }
}
