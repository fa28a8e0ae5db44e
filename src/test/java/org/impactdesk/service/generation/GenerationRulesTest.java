package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ALL;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ANNUAL;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.impactdesk.access.Actor;
import org.impactdesk.domain.AnnualSummary;
import org.impactdesk.access.Role;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.impactdesk.store.SummaryReadDao;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of METRICS.md "Who gets what, and when" on a real migrated H2. */
@MigratedH2
class GenerationRulesTest {
    RuleDb t;

    @BeforeEach
    void open(Database db) {
        t = new RuleDb(db);
        t.org("o1", null);
    }

    static Instant inst(Object o) {
        return o == null ? null : o instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) o).toInstant(); // PostgreSQL: a Timestamp
    }

    @Test
    void onlyPeerMentorsGetSummariesAndOnlyWhenActiveAndStartedOrWithActivity() {
        t.mentor("pm-a", "o1", "la-o1", "active", null)          // active, start unknown: gets one (0 activities)
                .mentor("pm-b", "o1", "la-o1", "paused", "2020-01-01")   // paused, no activity: none
                .mentor("pm-c", "o1", "la-o1", "inactive", null)         // inactive with an activity: gets one
                .mentor("pm-d", "o1", "la-o1", "active", "2026-01-01")   // starts after 2025, no activity: none
                .mentor("pm-e", "o1", "la-o1", "active", "2025-12-31")   // starts on the last day: gets one
                .coordinator("u-coord", "o1", "la-o1")
                .user("u-admin", "o1", "org_admin");
        t.approved("pm-c", "o1", "2025-05-05T10:00:00Z", 30);
        t.generate(2025, ANNUAL, "2026-01-10");
        assertThat(t.rows("SELECT peer_mentor_id FROM annual_summaries ORDER BY peer_mentor_id"))
                .extracting(r -> r.get("peer_mentor_id")).containsExactly("pm-a", "pm-c", "pm-e");
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE user_id IN ('u-coord', 'u-admin')")).isZero();
        assertThat(t.count("SELECT COUNT(*) FROM impact_summaries WHERE user_id IN ('u-coord', 'u-admin')")).isZero();
        // pm-a: zero activities gives an insufficient summary with NULLs, not zeros, where METRICS.md says so
        Map<String, Object> a = t.annual("pm-a", 2025);
        assertThat(a.get("status")).isEqualTo("insufficient");
        assertThat(a.get("generation_status")).isEqualTo("complete");
        assertThat(a.get("busiest_month")).isNull();
        assertThat(a.get("total_travel_km")).isNull();
        assertThat(a.get("percentile_rank")).isNull();
        assertThat((String) a.get("activity_breakdown")).isEqualTo("{}");
        assertThat((String) a.get("top_contacts")).isEqualTo("[]");
        assertThat((String) a.get("payload_json")).contains("\"kind\":\"encouragement\"");
    }

    @Test
    void onlyClosedPeriodsJudgedInTheOrganisationsTimeZone() {
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 10);
        // as of 2025-12-31 nothing of the year is closed for an annual run: refused
        assertThatThrownBy(() -> t.generate(2025, ANNUAL, "2025-12-31")).isInstanceOf(GenerationRefusedException.class)
                .hasMessageContaining("2025");
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries")).isZero();
        // as of 2025-07-01: Q1, Q2 and H1 are closed, the rest is not
        GenerationReport r = t.generate(2025, ALL, "2025-07-01");
        assertThat(r.openPeriods()).containsExactlyInAnyOrder("2025", "2025-H2", "2025-Q3", "2025-Q4");
        assertThat(t.rows("SELECT period_type, quarter, half FROM periodic_summaries ORDER BY period_type, quarter, half"))
                .hasSize(3);
        assertThat(t.count("SELECT COUNT(*) FROM impact_summaries WHERE period_type = 'half_year' AND half_index = 1")).isOne();
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries")).isZero();
        // without --as-of: today in Oslo. 2025-12-31T23:30Z is already 2026-01-01 in Oslo: 2025 is closed
        t.clock.set(Instant.parse("2025-12-31T23:30:00Z"));
        t.generate(2025, ANNUAL, null);
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries WHERE year = 2025")).isOne();
    }

    @Test
    void aUtcMidnightIsNotYetTheNewYearForAnOrganisationWestOfUtc() {
        t.db.jdbi().useHandle(h -> h.execute("INSERT INTO organizations (id, name, time_zone) VALUES ('ny', 'NY', 'America/New_York')"));
        t.association("la-ny", "ny").mentor("pm-ny", "ny", "la-ny", "active", null);
        t.clock.set(Instant.parse("2026-01-01T03:00:00Z")); // still 2025-12-31 in New York
        assertThatThrownBy(() -> t.service.generate(new GenerationRequest(java.util.Set.of(2025), ANNUAL, "ny", null, false),
                Actor.localOperator())).isInstanceOf(GenerationRefusedException.class);
        // and activities belong to New York's local dates: 2026-01-01T03:00Z is a 2025 activity there
        t.activity("pm-ny", "ny", "la-ny", "2026-01-01T03:00:00Z", 60, null, "approved", null);
        t.activity("pm-ny", "ny", "la-ny", "2025-01-01T04:59:00Z", 60, null, "approved", null); // 2024-12-31 23:59 EST
        t.clock.set(Instant.parse("2026-01-01T05:00:00Z")); // 2026-01-01 00:00 in New York
        t.service.generate(new GenerationRequest(java.util.Set.of(2025), ANNUAL, "ny", null, false), Actor.localOperator());
        Map<String, Object> a = t.annual("pm-ny", 2025);
        assertThat(a.get("total_activities")).isEqualTo(1);
        assertThat(a.get("busiest_month")).isEqualTo(12);
    }

    @Test
    void aPreviewOfAnOpenYearIsNeverStoredNotifiedOrShared() {
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-11-01", 8);
        t.clock.set(Instant.parse("2025-12-10T10:00:00Z"));
        GenerationService.Preview p = t.service.previewAnnual("pm-a", 2025, Actor.localOperator());
        assertThat(p.payloadJson()).contains("\"preview\":true").contains("\"kind\":\"wrapped\"");
        assertThat(p.summary().totalActivities()).isEqualTo(8);
        assertThat(p.summary().status()).isNotEqualTo("ready");
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries")).isZero();
        assertThat(t.count("SELECT COUNT(*) FROM impact_summaries")).isZero();
        assertThat(t.count("SELECT COUNT(*) FROM notification_outbox")).isZero();
        assertThat(t.sent).isEmpty();
    }

    @Test
    void aReadyAnnualSummaryIsFrozenUnlessAnAdminForcesAndNeverOnceShared() {
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.generate(2025, ALL, "2026-01-10");
        Map<String, Object> before = t.annual("pm-a", 2025);
        assertThat(before.get("status")).isEqualTo("ready");
        assertThat(before.get("total_activities")).isEqualTo(6);
        // a sync adds an activity and marks the mentor stale
        t.approved("pm-a", "o1", "2025-09-01T10:00:00Z", 60);
        t.stale("pm-a", 2025);
        t.clock.advance(Duration.ofHours(1));
        GenerationReport r = t.generate(2025, ALL, "2026-01-10");
        assertThat(r.get("annual_summaries", GenerationReport.Outcome.FROZEN)).isOne();
        assertThat(t.annual("pm-a", 2025).get("total_activities")).isEqualTo(6);
        assertThat(t.annual("pm-a", 2025).get("updated_at")).isEqualTo(before.get("updated_at"));
        // impact and periodic summaries are not frozen: they follow the data
        assertThat(t.row("SELECT activities_count FROM impact_summaries WHERE period_type = 'annual'").get("activities_count"))
                .isEqualTo(7);
        assertThat(t.count("SELECT COUNT(*) FROM stale_summary_inputs")).isZero();
        // an admin forces a recompute
        t.force(2025, ANNUAL, "2026-01-10");
        assertThat(t.annual("pm-a", 2025).get("total_activities")).isEqualTo(7);
        assertThat(t.annual("pm-a", 2025).get("id")).isEqualTo(before.get("id"));
        // once shared, not even a forced recompute changes it
        t.db.jdbi().useHandle(h -> h.execute("UPDATE annual_summaries SET shared_count = 1"));
        t.approved("pm-a", "o1", "2025-10-01T10:00:00Z", 60);
        GenerationReport forced = t.force(2025, ANNUAL, "2026-01-10");
        assertThat(forced.get("annual_summaries", GenerationReport.Outcome.FROZEN)).isOne();
        assertThat(t.annual("pm-a", 2025).get("total_activities")).isEqualTo(7);
    }

    @Test
    void onlyAnAdminMayGenerate() {
        t.mentor("pm-a", "o1", "la-o1", "active", null).coordinator("u-c", "o1", "la-o1");
        Actor coordinator = new Actor("u-c", "C", "o1", java.util.Set.of(Role.COORDINATOR), null);
        assertThatThrownBy(() -> t.service.generate(GenerationRequest.of(2025, ALL, java.time.LocalDate.parse("2026-01-10")),
                coordinator)).isInstanceOf(GenerationRefusedException.class);
        Actor otherAdmin = new Actor("u-x", "X", "o2", java.util.Set.of(Role.ORG_ADMIN), null);
        assertThatThrownBy(() -> t.service.generate(GenerationRequest.of(2025, ALL, java.time.LocalDate.parse("2026-01-10")),
                otherAdmin)).isInstanceOf(GenerationRefusedException.class);
        assertThat(t.count("SELECT COUNT(*) FROM annual_summaries")).isZero();
    }

    @Test
    void insufficientIsStoredWithTheEncouragementPayloadAndNotNotified() {
        t.noReview("o1"); // the Wrapped notifies when it becomes ready (no review before release)
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 4); // 4 activities, 4 hours
        t.generate(2025, ANNUAL, "2026-01-10");
        Map<String, Object> a = t.annual("pm-a", 2025);
        assertThat(a.get("status")).isEqualTo("insufficient");
        assertThat(a.get("data_sufficiency")).isEqualTo(false);
        assertThat((String) a.get("payload_json")).contains("\"kind\":\"encouragement\"").contains("\"needed_activities\":5");
        assertThat((String) a.get("slide_data")).startsWith("[");
        assertThat(t.count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'annual_summaries'")).isZero();
        // an insufficient summary is never shared
        UUID id = (UUID) a.get("id");
        assertThat(new SummaryReadDao(t.db.jdbi()).incrementAnnualShared(Actor.localOperator().scope(), id)).isFalse();
        // one more activity later makes it sufficient: it becomes ready (insufficient is not frozen) and is notified
        t.approved("pm-a", "o1", "2025-06-01T10:00:00Z", 60);
        t.stale("pm-a", 2025);
        t.generate(2025, ANNUAL, "2026-01-10");
        assertThat(t.annual("pm-a", 2025).get("status")).isEqualTo("ready");
        assertThat(t.count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'annual_summaries'")).isOne();
    }

    @Test
    void aFailedGenerationKeepsItsErrorIsRetriedWithBackoffThreeTimesThenAlerts() {
        t.mentor("pm-a", "o1", "la-o1", "active", null).mentor("pm-b", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.daily("pm-b", "o1", "2025-03-01", 6);
        t.service.setBeforeCompute(m -> {
            if (m.id().equals("pm-a")) {
                throw new IllegalStateException("disk on fire");
            }
        });
        Instant t0 = t.clock.instant();
        GenerationReport r = t.generate(2025, ANNUAL, "2026-01-10");
        assertThat(r.errors()).singleElement().asString().contains("pm-a").contains("disk on fire");
        Map<String, Object> a = t.annual("pm-a", 2025);
        assertThat(a.get("status")).isEqualTo("failed");
        assertThat(a.get("generation_status")).isEqualTo("failed");
        assertThat((String) a.get("generation_error")).contains("disk on fire");
        assertThat(a.get("retry_count")).isEqualTo(1);
        assertThat(inst(a.get("next_retry_at"))).isEqualTo(t0.plus(Duration.ofMinutes(5)));
        assertThat(t.row("SELECT status, error_message FROM impact_summaries WHERE period_type = 'annual' AND peer_mentor_id = 'pm-a'").get("status"))
                .isEqualTo("error");
        // the other mentor is unaffected
        assertThat(t.annual("pm-b", 2025).get("status")).isEqualTo("ready");
        // before the backoff has passed: not retried
        t.clock.advance(Duration.ofMinutes(4));
        t.generate(2025, ANNUAL, "2026-01-10");
        assertThat(t.annual("pm-a", 2025).get("retry_count")).isEqualTo(1);
        // retries 1..3 at 5, 10, 20 minutes
        long[] waits = {5, 10, 20};
        for (int i = 0; i < 3; i++) {
            t.clock.set(inst(t.annual("pm-a", 2025).get("next_retry_at")));
            Instant at = t.clock.instant();
            t.generate(2025, ANNUAL, "2026-01-10");
            Map<String, Object> now = t.annual("pm-a", 2025);
            assertThat(now.get("retry_count")).isEqualTo(i + 2);
            if (i < 2) {
                assertThat(inst(now.get("next_retry_at"))).isEqualTo(at.plus(Duration.ofMinutes(waits[i + 1])));
                assertThat(t.count("SELECT COUNT(*) FROM alerts")).isZero();
            } else {
                assertThat(now.get("next_retry_at")).isNull();
            }
        }
        assertThat(t.rows("SELECT kind, message FROM alerts WHERE message LIKE '%annual summary 2025 of pm-a%'"))
                .singleElement().satisfies(al -> assertThat(al.get("kind")).isEqualTo("summary_generation_failed"));
        // no more automatic retries after the alert
        t.clock.advance(Duration.ofDays(1));
        t.generate(2025, ANNUAL, "2026-01-10");
        assertThat(t.annual("pm-a", 2025).get("retry_count")).isEqualTo(4);
        // fixed, and re-triggered by an admin: ready, error cleared
        t.service.setBeforeCompute(m -> { });
        t.force(2025, ANNUAL, "2026-01-10");
        Map<String, Object> fixed = t.annual("pm-a", 2025);
        assertThat(fixed.get("status")).isEqualTo("ready");
        assertThat(fixed.get("generation_status")).isEqualTo("complete");
        assertThat(fixed.get("generation_error")).isNull();
        assertThat(fixed.get("generated_at")).isNotNull();
        assertThat(t.row("SELECT status, error_message FROM impact_summaries WHERE period_type = 'annual' AND peer_mentor_id = 'pm-a'"))
                .containsEntry("status", "ready").containsEntry("error_message", null);
    }

    @Test
    void aFailedRunIsRetriedWhenDueAndSucceeds() {
        t.noReview("o1"); // the Wrapped notifies when it becomes ready (no review before release)
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 6);
        boolean[] fail = {true};
        t.service.setBeforeCompute(m -> {
            if (fail[0]) {
                throw new IllegalStateException("transient");
            }
        });
        t.generate(2025, ANNUAL, "2026-01-10");
        fail[0] = false;
        t.clock.advance(Duration.ofMinutes(5));
        t.generate(2025, ANNUAL, "2026-01-10");
        assertThat(t.annual("pm-a", 2025)).containsEntry("status", "ready").containsEntry("generation_error", null)
                .containsEntry("retry_count", 0);
        assertThat(t.count("SELECT COUNT(*) FROM notification_outbox WHERE summary_table = 'annual_summaries'")).isOne();
    }

    @Test
    void viewedAtIsSetOnceAtTheFirstView() {
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.generate(2025, ANNUAL, "2026-01-10");
        UUID id = (UUID) t.annual("pm-a", 2025).get("id");
        SummaryReadDao dao = new SummaryReadDao(t.db.jdbi());
        Instant first = Instant.parse("2026-01-11T10:00:00Z");
        assertThat(dao.markViewed(Actor.localOperator().scope(), id, first)).isTrue();
        assertThat(dao.markViewed(Actor.localOperator().scope(), id, first.plusSeconds(3600))).isFalse();
        assertThat(inst(t.annual("pm-a", 2025).get("viewed_at"))).isEqualTo(first);
        // a regeneration (forced) keeps viewed_at
        t.force(2025, ANNUAL, "2026-01-10");
        assertThat(inst(t.annual("pm-a", 2025).get("viewed_at"))).isEqualTo(first);
    }

    @Test
    void sharedCountersGrowByAtomicIncrementsOnlyOnReadySummaries() {
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.generate(2025, ALL, "2026-01-10");
        SummaryReadDao dao = new SummaryReadDao(t.db.jdbi());
        UUID id = (UUID) t.annual("pm-a", 2025).get("id");
        assertThat(dao.incrementAnnualShared(Actor.localOperator().scope(), id)).isTrue();
        assertThat(dao.incrementAnnualShared(Actor.localOperator().scope(), id)).isTrue();
        assertThat(t.annual("pm-a", 2025).get("shared_count")).isEqualTo(2);
        UUID impact = (UUID) t.row("SELECT id FROM impact_summaries WHERE period_type = 'annual'").get("id");
        assertThat(dao.incrementImpactShared(Actor.localOperator().scope(), impact)).isTrue();
        assertThat(t.row("SELECT share_count FROM impact_summaries WHERE period_type = 'annual'").get("share_count")).isEqualTo(1);
        // another mentor may not count a share of pm-a's summary
        t.mentor("pm-b", "o1", "la-o1", "active", null);
        Actor other = new Actor("u-pm-b", "B", "o1", java.util.Set.of(Role.PEER_MENTOR), "pm-b");
        assertThat(dao.incrementAnnualShared(other.scope(), id)).isFalse();
        assertThat(t.annual("pm-a", 2025).get("shared_count")).isEqualTo(2);
    }

    @Test
    void aShareLandingDuringAForcedRecomputeStillFreezesTheSummary() {
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.generate(2025, ANNUAL, "2026-01-10");
        t.approved("pm-a", "o1", "2025-09-01T10:00:00Z", 60);
        SummaryReadDao dao = new SummaryReadDao(t.db.jdbi());
        UUID id = (UUID) t.annual("pm-a", 2025).get("id");
        // the mentor shares (another connection, committed) after generation read the row's state
        t.service.setBeforeCompute(m -> dao.incrementAnnualShared(Actor.localOperator().scope(), id));
        t.force(2025, ANNUAL, "2026-01-10");
        Map<String, Object> a = t.annual("pm-a", 2025);
        assertThat(a.get("shared_count")).isEqualTo(1);
        assertThat(a.get("total_activities")).isEqualTo(6);
    }

    @Test
    void concurrentSharesAreAllCounted() throws Exception {
        t.mentor("pm-a", "o1", "la-o1", "active", null);
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.generate(2025, ANNUAL, "2026-01-10");
        UUID id = (UUID) t.annual("pm-a", 2025).get("id");
        SummaryReadDao dao = new SummaryReadDao(t.db.jdbi());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                fs.add(pool.submit(() -> dao.incrementAnnualShared(Actor.localOperator().scope(), id)));
            }
            for (java.util.concurrent.Future<Boolean> f : fs) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(t.annual("pm-a", 2025).get("shared_count")).isEqualTo(40);
    }

    @Test
    void aPreviewOfAClosedYearShowsWhatGenerationStores() {
        for (int i = 0; i < 10; i++) {
            t.mentor("pm-" + i, "o1", "la-o1", "active", null);
            t.daily("pm-" + i, "o1", "2025-03-01", 5 + i);
        }
        t.activity("pm-3", "o1", "la-o1", "2024-12-31T23:30:00Z", 25, "c-9", "approved", "3.50");
        t.generate(2025, ANNUAL, "2026-01-10");
        Map<String, Object> stored = t.annual("pm-3", 2025);
        GenerationService.Preview p = t.service.previewAnnual("pm-3", 2025, Actor.localOperator());
        assertThat(p.summary().totalHours()).isEqualByComparingTo((BigDecimal) stored.get("total_hours"));
        assertThat(p.summary().totalActivities()).isEqualTo(stored.get("total_activities"));
        assertThat(p.summary().percentileRank()).isEqualByComparingTo((BigDecimal) stored.get("percentile_rank"));
        assertThat(p.summary().totalTravelKm()).isEqualByComparingTo("3.50");
        assertThat(p.payloadJson().replace("\"preview\":true", "\"preview\":false")).isEqualTo(stored.get("payload_json"));
    }

    @Test
    void theMentorScreensPreviewHasEveryFigureOfTheFullPreviewButTheRank() {
        for (int i = 0; i < 10; i++) {
            t.mentor("pm-" + i, "o1", "la-o1", "active", null);
            t.daily("pm-" + i, "o1", "2025-03-01", 5 + i);
        }
        t.daily("pm-3", "o1", "2025-09-14", 4);
        t.activity("pm-3", "o1", "la-o1", "2025-10-02T08:00:00Z", 25, "c-9", "approved", "3.50");
        t.generate(2025, ANNUAL, "2026-01-10");
        AnnualSummary full = t.service.previewAnnual("pm-3", 2025, Actor.localOperator()).summary();
        AnnualSummary unranked = t.service.previewAnnualWithoutRank("pm-3", 2025, Actor.localOperator()).summary();
        assertThat(full.percentileRank()).isNotNull();
        assertThat(unranked.percentileRank()).isNull();
        assertThat(unranked).usingRecursiveComparison()
                .ignoringFields("percentileRank", "slideData", "payloadJson", "generatedAt", "createdAt", "updatedAt")
                .isEqualTo(full);
        assertThat(unranked.monthlyDistribution()).isEqualTo(full.monthlyDistribution());
        assertThat(unranked.milestones()).isEqualTo(full.milestones());
        assertThat(unranked.achievementsEarned()).isEqualTo(full.achievementsEarned());
    }
}
