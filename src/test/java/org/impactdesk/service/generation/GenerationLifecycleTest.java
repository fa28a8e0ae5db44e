package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ALL;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ANNUAL;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notifications, idempotent reruns, stale recomputation, upserts, the organisation switch, data rules on H2. */
@MigratedH2
class GenerationLifecycleTest {
    RuleDb t;

    @BeforeEach
    void open(Database db) {
        t = new RuleDb(db);
        t.org("o1", null);
    }

    long rows(String table) {
        return t.count("SELECT COUNT(*) FROM " + table);
    }

    @Test
    void oneNotificationPerSummaryThatBecomesReadyAndAFailingSenderNeverRollsBack() {
        t.noReview("o1"); // the Wrapped notifies when it becomes ready (no review before release)
        t.mentor("pm-a", "o1", "la-o1", "active", "2020-01-01");
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.senderFails = true;
        GenerationReport r = t.generate(2025, ALL, "2026-01-10");
        assertThat(r.errors()).isEmpty();
        // annual + impact annual + 2 impact halves + 2 periodic halves + 4 quarters = 10 rows, each queued once
        assertThat(t.rows("SELECT summary_table, COUNT(*) AS n FROM notification_outbox GROUP BY summary_table ORDER BY 1"))
                .extracting(m -> m.get("summary_table") + "=" + m.get("n"))
                .containsExactly("annual_summaries=1", "impact_summaries=3", "periodic_summaries=6");
        assertThat(t.count("SELECT COUNT(*) FROM notification_outbox WHERE attempts = 1 AND last_error LIKE '%push service%' "
                + "AND sent_at IS NULL AND next_attempt_at IS NOT NULL")).isEqualTo(10);
        assertThat(t.annual("pm-a", 2025).get("status")).isEqualTo("ready");
        assertThat(t.annual("pm-a", 2025).get("notification_sent_at")).isNull();
        assertThat(t.count("SELECT COUNT(*) FROM impact_summaries WHERE notification_sent")).isZero();
        // not yet due: nothing sent
        t.senderFails = false;
        assertThat(t.service.dispatchNotifications()).isZero();
        // later: sent, recorded on the summaries
        t.clock.advance(Duration.ofDays(2));
        assertThat(t.service.dispatchNotifications()).isEqualTo(10);
        assertThat(t.sent).hasSize(10);
        assertThat(t.annual("pm-a", 2025).get("notification_sent_at")).isNotNull();
        assertThat(t.count("SELECT COUNT(*) FROM impact_summaries WHERE notification_sent")).isEqualTo(3);
        assertThat(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE notification_sent_at IS NOT NULL")).isEqualTo(6);
        // regenerating (even forced, with changed data) never queues a second one
        t.approved("pm-a", "o1", "2025-09-01T10:00:00Z", 30);
        t.stale("pm-a", 2025);
        t.force(2025, ALL, "2026-01-10");
        assertThat(rows("notification_outbox")).isEqualTo(10);
        assertThat(t.service.dispatchNotifications()).isZero();
        assertThat(t.sent).hasSize(10);
    }

    @Test
    void aSecondGenerateChangesNothing() {
        t.mentor("pm-a", "o1", "la-o1", "active", "2020-01-01").mentor("pm-b", "o1", "la-o1", "active", null)
                .coordinator("u-kim", "o1", "la-o1");
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.daily("pm-b", "o1", "2024-06-01", 3);
        t.daily("pm-b", "o1", "2025-06-01", 2);
        t.generate(2025, ALL, "2026-01-10");
        List<Map<String, Object>> annual = t.rows("SELECT * FROM annual_summaries ORDER BY id");
        List<Map<String, Object>> impact = t.rows("SELECT * FROM impact_summaries ORDER BY id");
        List<Map<String, Object>> periodic = t.rows("SELECT * FROM periodic_summaries ORDER BY id");
        long outbox = rows("notification_outbox");
        assertThat(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE coordinator_id = 'u-kim'")).isEqualTo(6);
        t.clock.advance(Duration.ofHours(3));
        GenerationReport r = t.generate(2025, ALL, "2026-01-10");
        assertThat(r.created()).isZero();
        assertThat(r.updated()).isZero();
        assertThat(r.failed()).isZero();
        assertThat(t.rows("SELECT * FROM annual_summaries ORDER BY id")).isEqualTo(annual);
        assertThat(t.rows("SELECT * FROM impact_summaries ORDER BY id")).isEqualTo(impact);
        assertThat(t.rows("SELECT * FROM periodic_summaries ORDER BY id")).isEqualTo(periodic);
        assertThat(rows("notification_outbox")).isEqualTo(outbox);
        // and a forced rerun over unchanged data writes the same figures without new rows
        t.force(2025, ALL, "2026-01-10");
        assertThat(rows("annual_summaries")).isEqualTo(annual.size());
        assertThat(rows("impact_summaries")).isEqualTo(impact.size());
        assertThat(rows("periodic_summaries")).isEqualTo(periodic.size());
        assertThat(t.rows("SELECT id, total_hours, total_activities FROM annual_summaries ORDER BY id"))
                .isEqualTo(t.rows("SELECT id, total_hours, total_activities FROM annual_summaries ORDER BY id"));
    }

    @Test
    void staleMarksRecomputeOnlyThoseMentors() {
        t.mentor("pm-a", "o1", "la-o1", "active", "2020-01-01").mentor("pm-b", "o1", "la-o1", "active", "2020-01-01")
                .coordinator("u-kim", "o1", "la-o1");
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.daily("pm-b", "o1", "2025-03-01", 6);
        t.generate(2025, ALL, "2026-01-10");
        Map<String, Object> bImpact = t.row("SELECT * FROM impact_summaries WHERE peer_mentor_id = 'pm-b' AND period_type = 'annual'");
        List<Map<String, Object>> bPeriodic = t.rows("SELECT * FROM periodic_summaries WHERE peer_mentor_id = 'pm-b' ORDER BY id");
        // a sync changed pm-a's 2025: one more activity in Q3
        t.approved("pm-a", "o1", "2025-08-05T10:00:00Z", 90);
        t.stale("pm-a", 2025);
        t.clock.advance(Duration.ofHours(1));
        GenerationReport r = t.generate(2025, ALL, "2026-01-10");
        assertThat(r.mentorsRead()).isEqualTo(1);
        assertThat(t.row("SELECT activities_count, total_hours FROM impact_summaries WHERE peer_mentor_id = 'pm-a' "
                + "AND period_type = 'annual'")).containsEntry("activities_count", 7);
        assertThat(t.row("SELECT total_sessions FROM periodic_summaries WHERE peer_mentor_id = 'pm-a' AND quarter = 3")
                .get("total_sessions")).isEqualTo(1);
        // the annual summary was ready: frozen
        assertThat(t.annual("pm-a", 2025).get("total_activities")).isEqualTo(6);
        // pm-b untouched
        assertThat(t.row("SELECT * FROM impact_summaries WHERE peer_mentor_id = 'pm-b' AND period_type = 'annual'")).isEqualTo(bImpact);
        assertThat(t.rows("SELECT * FROM periodic_summaries WHERE peer_mentor_id = 'pm-b' ORDER BY id")).isEqualTo(bPeriodic);
        // the team row follows the new activity
        assertThat(t.row("SELECT total_sessions FROM periodic_summaries WHERE coordinator_id = 'u-kim' AND quarter = 3")
                .get("total_sessions")).isEqualTo(1);
        assertThat(t.row("SELECT total_sessions FROM periodic_summaries WHERE coordinator_id = 'u-kim' AND half = 2")
                .get("total_sessions")).isEqualTo(1);
        assertThat(rows("stale_summary_inputs")).isZero();
    }

    @Test
    void aStaleMarkOnTheNextYearDoesNotTouchThisYearsRowsButOnThePriorYearItDoes() {
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.generate(2025, ALL, "2026-01-10");
        // a 2024 activity arrives: 2025's YoY, new-vs-returning and milestones depend on it
        t.approved("pm-a", "o1", "2024-03-02T10:00:00Z", 60);
        t.stale("pm-a", 2024);
        t.generate(2025, ALL, "2026-01-10");
        Map<String, Object> q1 = t.row("SELECT * FROM periodic_summaries WHERE peer_mentor_id = 'pm-a' AND quarter = 1");
        assertThat(q1.get("prior_year_total_sessions")).isEqualTo(1);
        assertThat(q1.get("yoy_delta_sessions")).isEqualTo(5);
        assertThat((BigDecimal) q1.get("yoy_delta_percent")).isEqualByComparingTo("500.00");
        // first_activity moved to 2024: the 2025 impact milestones no longer hold it
        assertThat((String) t.row("SELECT milestones FROM impact_summaries WHERE period_type = 'annual'").get("milestones"))
                .doesNotContain("first_activity");
    }

    @Test
    void uniqueKeysTreatNullsAsEqualSoUpsertsNeverDuplicate() {
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.generate(2025, ALL, "2026-01-10");
        t.force(2025, ALL, "2026-01-10");
        assertThat(t.count("SELECT COUNT(*) FROM impact_summaries WHERE period_type = 'annual'")).isOne();
        assertThat(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE period_type = 'quarterly' AND quarter = 1")).isOne();
        // the database itself refuses a second row with the same NULL half_index / quarter
        // (a new id bound as a parameter; H2 names the index in capitals, PostgreSQL as written)
        assertThatThrownBy(() -> t.db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO impact_summaries (id, user_id, period_type, year, half_index, total_hours, contacts_helped,
                  activities_count, assignments_completed, status, generated_at, created_at, updated_at, organization_id, peer_mentor_id)
                VALUES (?, 'u-pm-a', 'annual', 2025, NULL, 0, 0, 0, 0, 'ready', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,
                  CURRENT_TIMESTAMP, 'o1', 'pm-a')""", java.util.UUID.randomUUID())))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("idx_impact_summaries_unique_period"));
        assertThatThrownBy(() -> t.db.jdbi().useHandle(h -> h.execute("""
                INSERT INTO periodic_summaries (id, user_id, organisation_id, period_type, year, quarter, half, period_start,
                  period_end, total_sessions, total_hours, outlier_status, underactive_threshold_sessions,
                  overloaded_threshold_sessions, generated_at, peer_mentor_id)
                SELECT ?, user_id, organisation_id, period_type, year, quarter, half, period_start, period_end,
                  total_sessions, total_hours, outlier_status, underactive_threshold_sessions, overloaded_threshold_sessions,
                  generated_at, peer_mentor_id FROM periodic_summaries WHERE period_type = 'half_year' AND half = 1""",
                java.util.UUID.randomUUID())))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("idx_periodic_summary_user_period"));
    }

    /**
     * Issue 14 item 5, seed 004: with impact_summary_enabled = false there are no annual or
     * impact summaries and no notifications for them; periodic summaries still run and still
     * notify (the mentor's own and the coordinator's team rows), once each, sent after commit.
     */
    @Test
    void theOrganisationSwitchOffMeansNoAnnualNoImpactButPeriodicRunsAndNotifies() {
        t.org("o2", false);
        t.mentor("pm-x", "o2", "la-o2", "active", null).coordinator("u-c2", "o2", "la-o2");
        t.daily("pm-x", "o2", "2025-03-01", 6);
        t.generate(2025, ALL, "2026-01-10");
        assertThat(rows("annual_summaries")).isZero();
        assertThat(rows("impact_summaries")).isZero();
        assertThat(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE peer_mentor_id = 'pm-x'")).isEqualTo(6);
        assertThat(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE coordinator_id = 'u-c2'")).isEqualTo(6);
        assertThat(t.count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table <> 'periodic_summaries'")).isZero();
        assertThat(t.rows("SELECT user_id, message_key, COUNT(*) AS n FROM notification_outbox WHERE sent_at IS NOT NULL "
                + "GROUP BY user_id, message_key ORDER BY 1"))
                .extracting(m -> m.get("user_id") + " " + m.get("message_key") + "=" + m.get("n"))
                .containsExactly("u-c2 notification.team_ready=6", "u-pm-x notification.periodic_ready=6");
        assertThat(t.sent).hasSize(12).allMatch(n -> n.summaryTable().equals("periodic_summaries"));
        assertThat(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE notification_sent_at IS NULL")).isZero();
        // a second run notifies nothing new
        t.generate(2025, ALL, "2026-01-10");
        assertThat(t.sent).hasSize(12);
        // an empty switch (NULL) means enabled: o1 gets them
        t.noReview("o1");
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.generate(2025, ALL, "2026-01-10");
        assertThat(rows("annual_summaries")).isOne();
        assertThat(t.count("SELECT COUNT(*) FROM notification_outbox WHERE user_id = 'u-pm-a' "
                + "AND summary_table = 'annual_summaries'")).isOne();
        assertThat(t.count("SELECT COUNT(*) FROM notification_outbox WHERE user_id = 'u-pm-x'")).isEqualTo(6);
    }

    @Test
    void onlyApprovedActivitiesCountAndTravelKmIsNullWithoutAnyValue() {
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.activity("pm-a", "o1", "la-o1", "2025-02-01T10:00:00Z", 60, "c-1", "approved", null);
        t.activity("pm-a", "o1", "la-o1", "2025-02-02T10:00:00Z", 60, "c-2", "pending", "10.00");
        t.activity("pm-a", "o1", "la-o1", "2025-02-03T10:00:00Z", 60, "c-3", "flagged", "10.00");
        t.activity("pm-a", "o1", "la-o1", "2025-02-04T10:00:00Z", 60, "c-4", "rejected", "10.00");
        t.activity("pm-a", "o1", "la-o1", "2024-12-31T23:30:00Z", 10, "c-1", "approved", null); // 2025 in Oslo
        t.generate(2025, ALL, "2026-01-10");
        Map<String, Object> a = t.annual("pm-a", 2025);
        assertThat(a.get("total_activities")).isEqualTo(2);
        assertThat((BigDecimal) a.get("total_hours")).isEqualByComparingTo("1.17");
        assertThat(a.get("total_contacts_supported")).isEqualTo(1);
        assertThat(a.get("total_travel_km")).isNull();
        assertThat(a.get("busiest_month")).isEqualTo(1); // Jan (the Oslo new-year activity) ties Feb: earliest
        assertThat(t.row("SELECT total_sessions FROM periodic_summaries WHERE quarter = 1").get("total_sessions")).isEqualTo(2);
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE year = 2024")).isZero();
    }

    @Test
    void yoyNullWithoutPriorDataVersusARealZeroForAMentorWhoHadStarted() {
        t.mentor("pm-new", "o1", "la-o1", "active", null)           // no prior activity, no started_on
                .mentor("pm-old", "o1", "la-o1", "active", "2023-06-01") // started before Q1 2024, 0 sessions in it
                .mentor("pm-late", "o1", "la-o1", "active", "2026-02-01") // starts after 2025, no activity
                .mentor("pm-edge", "o1", "la-o1", "active", "2024-03-31"); // started on the prior period's last day
        t.daily("pm-new", "o1", "2025-02-01", 3);
        t.daily("pm-old", "o1", "2025-02-01", 2);
        t.generate(2025, ALL, "2026-01-10");
        Map<String, Object> n = t.row("SELECT * FROM periodic_summaries WHERE peer_mentor_id = 'pm-new' AND quarter = 1");
        for (String c : List.of("yoy_delta_sessions", "yoy_delta_hours", "yoy_delta_percent", "prior_year_total_sessions",
                "prior_year_total_hours")) {
            assertThat(n.get(c)).as(c).isNull();
        }
        assertThat(n.get("total_sessions")).isEqualTo(3);
        assertThat(n.get("outlier_status")).isEqualTo("normal");
        Map<String, Object> o = t.row("SELECT * FROM periodic_summaries WHERE peer_mentor_id = 'pm-old' AND quarter = 1");
        assertThat(o.get("prior_year_total_sessions")).isEqualTo(0);
        assertThat((BigDecimal) o.get("prior_year_total_hours")).isEqualByComparingTo("0.00");
        assertThat(o.get("yoy_delta_sessions")).isEqualTo(2);
        assertThat((BigDecimal) o.get("yoy_delta_hours")).isEqualByComparingTo("2.00");
        assertThat(o.get("yoy_delta_percent")).isNull();
        assertThat(o.get("outlier_status")).isEqualTo("underactive");
        assertThat(t.row("SELECT prior_year_total_sessions FROM periodic_summaries WHERE peer_mentor_id = 'pm-edge' AND quarter = 1")
                .get("prior_year_total_sessions")).isEqualTo(0);
        // Q2 2024 for pm-edge: started 2024-03-31, so also prior data for Q2
        assertThat(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE peer_mentor_id = 'pm-late'")).isZero();
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE peer_mentor_id = 'pm-late'")).isZero();
        assertThat(t.count("SELECT COUNT(*) FROM impact_summaries WHERE peer_mentor_id = 'pm-late'")).isZero();
        // period_start / period_end of Q1 2025 in Oslo (read as instants: the engines' drivers give a map different types)
        java.time.Instant[] bounds = t.db.jdbi().withHandle(h -> h.createQuery(
                "SELECT period_start, period_end FROM periodic_summaries WHERE peer_mentor_id = 'pm-new' AND quarter = 1")
                .map((rs, ctx) -> new java.time.Instant[] {rs.getObject(1, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant()}).one());
        assertThat(bounds[0]).isEqualTo(java.time.Instant.parse("2024-12-31T23:00:00Z"));
        assertThat(bounds[1]).isEqualTo(java.time.Instant.parse("2025-03-31T21:59:59.999999Z"));
    }

    @Test
    void percentileIsNullUnderTenAndOutsideTheCohort() {
        for (int i = 0; i < 9; i++) {
            String pm = "pm-" + i;
            t.mentor(pm, "o1", "la-o1", "active", null);
            t.daily(pm, "o1", "2025-03-01", i + 1);
        }
        t.mentor("pm-zero", "o1", "la-o1", "active", null); // no activity in 2025: outside the cohort
        t.approved("pm-zero", "o1", "2024-05-01T10:00:00Z", 60);
        t.generate(2025, ANNUAL, "2026-01-10");
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE percentile_rank IS NOT NULL")).isZero();
        // a tenth member with activity: ranks from 0.0 to 100.0; two with 9 hours tie
        t.mentor("pm-9", "o1", "la-o1", "active", null);
        t.daily("pm-9", "o1", "2025-03-01", 9);
        t.force(2025, ANNUAL, "2026-01-10");
        assertThat((BigDecimal) t.annual("pm-0", 2025).get("percentile_rank")).isEqualByComparingTo("0.0");
        assertThat((BigDecimal) t.annual("pm-1", 2025).get("percentile_rank")).isEqualByComparingTo("11.1");
        assertThat((BigDecimal) t.annual("pm-5", 2025).get("percentile_rank")).isEqualByComparingTo("55.6");
        assertThat((BigDecimal) t.annual("pm-8", 2025).get("percentile_rank")).isEqualByComparingTo("88.9");
        assertThat((BigDecimal) t.annual("pm-9", 2025).get("percentile_rank")).isEqualByComparingTo("88.9");
        assertThat(t.annual("pm-zero", 2025).get("percentile_rank")).isNull();
    }

    @Test
    void noTeamRowForACoordinatorWithAnEmptyRoster() {
        t.association("la-empty", "o1");
        t.mentor("pm-a", "o1", "la-o1", "active", null).coordinator("u-kim", "o1", "la-o1")
                .coordinator("u-nobody", "o1", "la-empty");
        t.daily("pm-a", "o1", "2025-03-01", 4);
        t.generate(2025, ALL, "2026-01-10");
        assertThat(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE coordinator_id = 'u-nobody'")).isZero();
        Map<String, Object> q1 = t.row("SELECT * FROM periodic_summaries WHERE coordinator_id = 'u-kim' AND quarter = 1");
        assertThat(q1.get("user_id")).isEqualTo("u-kim");
        assertThat(q1.get("total_sessions")).isEqualTo(4);
        assertThat(q1.get("underactive_threshold_sessions")).isEqualTo(3);
        assertThat(q1.get("overloaded_threshold_sessions")).isEqualTo(40);
        assertThat(q1.get("peer_mentor_id")).isNull();
    }

    @Test
    void storedThresholdsAreNeverReappliedWhenTheOrganisationChangesThem() {
        t.mentor("pm-a", "o1", "la-o1", "active", null).coordinator("u-kim", "o1", "la-o1");
        t.daily("pm-a", "o1", "2025-02-01", 4);
        t.generate(2025, ALL, "2026-01-10");
        Map<String, Object> q1 = t.row("SELECT * FROM periodic_summaries WHERE peer_mentor_id = 'pm-a' AND quarter = 1");
        assertThat(q1).containsEntry("underactive_threshold_sessions", 3).containsEntry("overloaded_threshold_sessions", 40)
                .containsEntry("outlier_status", "normal");
        // the organisation changes its thresholds; a sync adds an activity; generation runs again
        t.db.jdbi().useHandle(h -> h.execute("""
                UPDATE organizations SET quarterly_underactive_sessions = 1, quarterly_overloaded_sessions = 2,
                  half_year_underactive_sessions = 1, half_year_overloaded_sessions = 2 WHERE id = 'o1'"""));
        t.approved("pm-a", "o1", "2025-03-20T10:00:00Z", 60);
        t.stale("pm-a", 2025);
        t.generate(2025, ALL, "2026-01-10");
        Map<String, Object> after = t.row("SELECT * FROM periodic_summaries WHERE peer_mentor_id = 'pm-a' AND quarter = 1");
        assertThat(after).containsEntry("total_sessions", 5).containsEntry("underactive_threshold_sessions", 3)
                .containsEntry("overloaded_threshold_sessions", 40).containsEntry("outlier_status", "normal");
        Map<String, Object> team = t.row("SELECT * FROM periodic_summaries WHERE coordinator_id = 'u-kim' AND quarter = 1");
        assertThat(team).containsEntry("total_sessions", 5).containsEntry("underactive_threshold_sessions", 3)
                .containsEntry("overloaded_threshold_sessions", 40);
        // a period generated for the first time now takes the new thresholds
        t.daily("pm-a", "o1", "2026-01-05", 3);
        t.clock.set(java.time.Instant.parse("2026-04-10T08:00:00Z")); // --as-of never lies after the real today
        t.generate(2026, QUARTER_SELECTION, "2026-04-10");
        assertThat(t.row("SELECT * FROM periodic_summaries WHERE peer_mentor_id = 'pm-a' AND year = 2026 AND quarter = 1"))
                .containsEntry("underactive_threshold_sessions", 1).containsEntry("overloaded_threshold_sessions", 2)
                .containsEntry("outlier_status", "overloaded");
    }

    static final GenerationRequest.Selection QUARTER_SELECTION = GenerationRequest.Selection.QUARTER;

    @Test
    void aChangedYearStillReachesTheSummariesOfLaterYearsGeneratedBefore() {
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-02-01", 2);
        t.daily("pm-a", "o1", "2026-02-01", 3);
        t.clock.set(java.time.Instant.parse("2026-04-10T08:00:00Z")); // --as-of never lies after the real today
        t.generate(2025, ALL, "2026-04-10");
        t.generate(2026, QUARTER_SELECTION, "2026-04-10");
        assertThat(t.row("SELECT prior_year_total_sessions FROM periodic_summaries WHERE year = 2026 AND quarter = 1")
                .get("prior_year_total_sessions")).isEqualTo(2);
        // a sync adds a 2025 Q1 activity; the 2025 run clears the 2025 mark but leaves one on 2026
        t.approved("pm-a", "o1", "2025-03-01T10:00:00Z", 60);
        t.stale("pm-a", 2025);
        t.generate(2025, ALL, "2026-04-10");
        assertThat(t.rows("SELECT year FROM stale_summary_inputs")).extracting(r -> r.get("year")).containsExactly(2026);
        t.generate(2026, QUARTER_SELECTION, "2026-04-10");
        Map<String, Object> q1 = t.row("SELECT * FROM periodic_summaries WHERE year = 2026 AND quarter = 1");
        assertThat(q1.get("prior_year_total_sessions")).isEqualTo(3);
        assertThat(q1.get("yoy_delta_sessions")).isEqualTo(0);
    }

    @Test
    void aPeriodKeepsItsThresholdSnapshotForNewRowsAndRescalesTeamsByTheirRoster() {
        t.mentor("pm-a", "o1", "la-o1", "active", null).coordinator("u-kim", "o1", "la-o1");
        t.daily("pm-a", "o1", "2025-02-01", 4);
        t.generate(2025, QUARTER_SELECTION, "2026-01-10");
        assertThat(t.row("SELECT * FROM periodic_summaries WHERE coordinator_id = 'u-kim' AND quarter = 1"))
                .containsEntry("underactive_threshold_sessions", 3).containsEntry("overloaded_threshold_sessions", 40);
        t.db.jdbi().useHandle(h -> h.execute(
                "UPDATE organizations SET quarterly_underactive_sessions = 1, quarterly_overloaded_sessions = 2 WHERE id = 'o1'"));
        // a late sync brings a second mentor with Q1 activity: a new personal row and a roster of two
        t.mentor("pm-b", "o1", "la-o1", "paused", null);
        t.daily("pm-b", "o1", "2025-03-01", 5);
        t.generate(2025, QUARTER_SELECTION, "2026-01-10");
        assertThat(t.row("SELECT * FROM periodic_summaries WHERE peer_mentor_id = 'pm-b' AND quarter = 1"))
                .containsEntry("underactive_threshold_sessions", 3).containsEntry("overloaded_threshold_sessions", 40)
                .containsEntry("outlier_status", "normal");
        assertThat(t.row("SELECT * FROM periodic_summaries WHERE coordinator_id = 'u-kim' AND quarter = 1"))
                .containsEntry("total_sessions", 9)
                .containsEntry("underactive_threshold_sessions", 6).containsEntry("overloaded_threshold_sessions", 80)
                .containsEntry("outlier_status", "normal");
        assertThat(t.count("SELECT COUNT(*) FROM summary_threshold_snapshots WHERE year = 2025 AND period_type = 'quarterly'"))
                .isEqualTo(4);
    }

    @Test
    void aMentorWhoAlsoCoordinatesHasAPersonalRowAndADistinctTeamRow() {
        t.mentor("pm-a", "o1", "la-o1", "active", null).mentor("pm-b", "o1", "la-o1", "active", null);
        t.db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO user_roles (user_id, role) VALUES ('u-pm-a', 'coordinator')");
            h.execute("INSERT INTO coordinator_scopes (user_id, local_association_id) VALUES ('u-pm-a', 'la-o1')");
        });
        t.daily("pm-a", "o1", "2025-02-01", 2);
        t.daily("pm-b", "o1", "2025-02-10", 3);
        t.generate(2025, QUARTER_SELECTION, "2026-01-10");
        List<Map<String, Object>> rows = t.rows(
                "SELECT coordinator_id, total_sessions FROM periodic_summaries WHERE user_id = 'u-pm-a' AND quarter = 1 "
                + "ORDER BY coordinator_id NULLS FIRST");
        assertThat(rows).extracting(r -> r.get("coordinator_id") + ":" + r.get("total_sessions"))
                .containsExactly("null:2", "u-pm-a:5");
        t.generate(2025, QUARTER_SELECTION, "2026-01-10");
        assertThat(t.count("SELECT COUNT(*) FROM periodic_summaries WHERE user_id = 'u-pm-a'")).isEqualTo(8);
    }
}
