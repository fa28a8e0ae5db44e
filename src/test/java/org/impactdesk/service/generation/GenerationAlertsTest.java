package org.impactdesk.service.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ALL;
import static org.impactdesk.service.generation.GenerationRequest.Selection.ANNUAL;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.impactdesk.access.Actor;
import org.impactdesk.access.Role;
import org.impactdesk.domain.GenerationFailure;
import org.impactdesk.service.alerts.AlertService;
import org.impactdesk.service.alerts.AlertsRefusedException;
import org.impactdesk.service.alerts.StoredAlertService;
import org.impactdesk.store.AlertDao;
import org.impactdesk.store.Database;
import org.impactdesk.store.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 3 on a real migrated H2: a generation made to fail for one mentor (the computing
 * step's test seam) is retried with backoff 5, 10, 20 minutes by the due retries, then alerts once
 * per summary with the summary named; the admin sees the failures in scope, retries now, and an
 * alert is closed with who and when (by the run that regenerates its summary, or by the admin).
 */
@MigratedH2
class GenerationAlertsTest {
    static final Actor ADMIN_O1 = new Actor("u-admin", "Admin", "o1", Set.of(Role.ORG_ADMIN), null);
    static final Actor ADMIN_O2 = new Actor("u-admin2", "Admin 2", "o2", Set.of(Role.ORG_ADMIN), null);
    static final Actor COORD = new Actor("u-coord", "Coord", "o1", Set.of(Role.COORDINATOR), null);

    RuleDb t;
    AlertService alerts;
    boolean failing = true;

    @BeforeEach
    void open(Database db) {
        t = new RuleDb(db);
        t.org("o1", null).org("o2", null);
        t.mentor("pm-a", "o1", "la-o1", "active", null).mentor("pm-b", "o1", "la-o1", "active", null)
                .mentor("pm-c", "o2", "la-o2", "active", null)
                .user("u-admin", "o1", "org_admin").user("u-admin2", "o2", "org_admin").coordinator("u-coord", "o1", "la-o1");
        t.daily("pm-a", "o1", "2025-03-01", 6);
        t.daily("pm-b", "o1", "2025-03-01", 6);
        t.daily("pm-c", "o2", "2025-03-01", 6);
        t.service.setBeforeCompute(m -> {
            if (failing && m.id().equals("pm-a")) {
                throw new IllegalStateException("disk on fire");
            }
        });
        alerts = new StoredAlertService(new AlertDao(db.jdbi()), t.service, t.clock);
    }

    static Instant inst(Object o) {
        return o == null ? null : o instanceof java.sql.Timestamp t ? t.toInstant() : ((OffsetDateTime) o).toInstant(); // PostgreSQL: a Timestamp
    }

    Map<String, Object> annualA() {
        return t.annual("pm-a", 2025);
    }

    /** The first run fails for pm-a, then the due retries run at each next_retry_at until the alert. */
    void failUntilAlert() {
        t.generate(2025, ANNUAL, null);
        for (int i = 0; i < 3; i++) {
            t.clock.set(inst(annualA().get("next_retry_at")));
            alerts.retryDue(Actor.localOperator(), null, null);
        }
    }

    @Test
    void dueRetriesBackOffFiveTenTwentyMinutesThenOneAlertPerSummaryNamingIt() {
        Instant t0 = t.clock.instant();
        t.generate(2025, ANNUAL, null);
        assertThat(annualA().get("retry_count")).isEqualTo(1);
        assertThat(inst(annualA().get("next_retry_at"))).isEqualTo(t0.plus(Duration.ofMinutes(5)));
        // while retrying: listed as retrying with its next retry, no alert yet
        List<GenerationFailure> retrying = alerts.failures(ADMIN_O1);
        assertThat(retrying).extracting(GenerationFailure::state).containsOnly(GenerationFailure.State.RETRYING);
        assertThat(retrying).extracting(GenerationFailure::summaryKind, GenerationFailure::period,
                        GenerationFailure::peerMentorId, GenerationFailure::attempts, GenerationFailure::nextRetryAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("annual", "2025", "pm-a", 1, t0.plus(Duration.ofMinutes(5))),
                        org.assertj.core.groups.Tuple.tuple("impact", "2025", "pm-a", 1, t0.plus(Duration.ofMinutes(5))));
        assertThat(retrying.get(0).mentorName()).isEqualTo("Name of u-pm-a");
        assertThat(retrying.get(0).error()).contains("disk on fire");
        assertThat(alerts.overview(ADMIN_O1)).isEqualTo(new AlertService.Overview(0, 2));
        assertThat(alerts.nextRetry(ADMIN_O1)).contains(t0.plus(Duration.ofMinutes(5)));

        // not due yet: nothing runs
        t.clock.advance(Duration.ofMinutes(4));
        AlertService.RetryResult early = alerts.retryDue(Actor.localOperator(), null, null);
        assertThat(early.runs()).isZero();
        assertThat(annualA().get("retry_count")).isEqualTo(1);

        long[] waits = {10, 20};
        for (int i = 0; i < 3; i++) {
            t.clock.set(inst(annualA().get("next_retry_at")));
            Instant at = t.clock.instant();
            AlertService.RetryResult r = alerts.retryDue(Actor.localOperator(), null, null);
            assertThat(r.runs()).isOne();
            assertThat(r.summariesDue()).isEqualTo(2);
            assertThat(r.errors()).singleElement().asString().contains("pm-a").contains("disk on fire");
            assertThat(annualA().get("retry_count")).isEqualTo(i + 2);
            if (i < 2) {
                assertThat(inst(annualA().get("next_retry_at"))).isEqualTo(at.plus(Duration.ofMinutes(waits[i])));
                assertThat(t.count("SELECT COUNT(*) FROM alerts")).isZero();
            }
        }
        // the 3rd retry failed: no next retry, one alert per failed summary, naming it
        assertThat(annualA().get("next_retry_at")).isNull();
        List<Map<String, Object>> raised = t.rows("""
                SELECT kind, organisation_id, summary_table, summary_id, peer_mentor_id, period, closed_at FROM alerts
                ORDER BY summary_table""");
        assertThat(raised).hasSize(2);
        assertThat(raised.get(0)).containsEntry("summary_table", "annual_summaries").containsEntry("period", "2025")
                .containsEntry("organisation_id", "o1").containsEntry("peer_mentor_id", "pm-a")
                .containsEntry("kind", "summary_generation_failed").containsEntry("closed_at", null)
                .containsEntry("summary_id", annualA().get("id"));
        assertThat(raised.get(1)).containsEntry("summary_table", "impact_summaries");
        List<GenerationFailure> open = alerts.failures(ADMIN_O1);
        assertThat(open).hasSize(2).allSatisfy(f -> {
            assertThat(f.state()).isEqualTo(GenerationFailure.State.ALERT);
            assertThat(f.attempts()).isEqualTo(4);
            assertThat(f.nextRetryAt()).isNull();
            assertThat(f.error()).contains("disk on fire");
        });
        assertThat(alerts.overview(ADMIN_O1)).isEqualTo(new AlertService.Overview(2, 0));
        // no automatic retry after the alert, however long one waits
        t.clock.advance(Duration.ofDays(2));
        assertThat(alerts.retryDue(Actor.localOperator(), null, null).runs()).isZero();
        assertThat(annualA().get("retry_count")).isEqualTo(4);
        // the other mentors were never touched by the failure
        assertThat(t.annual("pm-b", 2025).get("status")).isEqualTo("ready");
        assertThat(t.annual("pm-c", 2025).get("status")).isEqualTo("ready");
    }

    @Test
    void retryNowThatFailsAgainKeepsOneOpenAlertAndCountsTheAttempt() {
        failUntilAlert();
        UUID annualId = (UUID) annualA().get("id");
        AlertService.RetryResult r = alerts.retryNow(ADMIN_O1, annualId);
        assertThat(r.runs()).isOne();
        assertThat(r.errors()).singleElement().asString().contains("disk on fire");
        assertThat(annualA().get("retry_count")).isEqualTo(5);
        assertThat(annualA().get("next_retry_at")).isNull();
        assertThat(t.count("SELECT COUNT(*) FROM alerts WHERE summary_id = ?", annualId)).isOne();
        assertThat(t.count("SELECT COUNT(*) FROM alerts WHERE closed_at IS NULL")).isEqualTo(2);
        assertThat((String) t.row("SELECT message FROM alerts WHERE summary_id = ?", annualId).get("message"))
                .contains("failed 5 times");
    }

    @Test
    void aSummaryGeneratedFineLaterClosesItsAlertWithWhoAndWhen() {
        failUntilAlert();
        failing = false; // fixed
        t.clock.advance(Duration.ofHours(1));
        Instant when = t.clock.instant();
        AlertService.RetryResult r = alerts.retryNow(ADMIN_O1, (UUID) annualA().get("id"));
        assertThat(r.errors()).isEmpty();
        assertThat(r.after()).isEqualTo(new AlertService.Overview(0, 0));
        assertThat(annualA().get("status")).isEqualTo("ready");
        // both of the mentor's summaries were regenerated by that run: both alerts closed by the admin, then
        assertThat(t.rows("SELECT closed_at, closed_by, closed_reason FROM alerts")).hasSize(2).allSatisfy(a -> {
            assertThat(inst(a.get("closed_at"))).isEqualTo(when);
            assertThat(a.get("closed_by")).isEqualTo("u-admin");
            assertThat(a.get("closed_reason")).isEqualTo("regenerated");
        });
        assertThat(alerts.failures(ADMIN_O1)).isEmpty();
    }

    @Test
    void aPlainGenerateThatRegeneratesTheSummaryClosesTheAlertAsTheLocalOperator() {
        failUntilAlert();
        failing = false;
        t.force(2025, ALL, "2026-01-10");
        assertThat(t.rows("SELECT closed_by, closed_reason FROM alerts")).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("closed_by")).isEqualTo(GenerationService.LOCAL_OPERATOR);
            assertThat(a.get("closed_reason")).isEqualTo("regenerated");
        });
    }

    @Test
    void anAdminClosesAnAlertWithWhoAndWhenAndItLeavesTheList() {
        failUntilAlert();
        GenerationFailure first = alerts.failures(ADMIN_O1).get(0);
        t.clock.advance(Duration.ofMinutes(30));
        Instant when = t.clock.instant();
        // another organisation's admin may not close it (and does not learn it exists)
        assertThat(alerts.close(ADMIN_O2, first.alertId())).isFalse();
        assertThat(alerts.close(ADMIN_O1, first.alertId())).isTrue();
        Map<String, Object> closed = t.row("SELECT closed_at, closed_by, closed_reason FROM alerts WHERE id = ?", first.alertId());
        assertThat(inst(closed.get("closed_at"))).isEqualTo(when);
        assertThat(closed.get("closed_by")).isEqualTo("u-admin");
        assertThat(closed.get("closed_reason")).isEqualTo("closed");
        assertThat(alerts.close(ADMIN_O1, first.alertId())).isFalse();
        assertThat(alerts.failures(ADMIN_O1)).extracting(GenerationFailure::alertId).doesNotContain(first.alertId());
        assertThat(alerts.overview(ADMIN_O1).openAlerts()).isOne();
    }

    @Test
    void scopedToTheAdminsOrganisationAndRefusedToCoordinatorsAndPeerMentors() {
        t.generate(2025, ANNUAL, null);
        assertThat(alerts.failures(ADMIN_O1)).hasSize(2);
        assertThat(alerts.failures(ADMIN_O2)).isEmpty();
        assertThat(alerts.failures(Actor.localOperator())).hasSize(2);
        assertThat(alerts.nextRetry(ADMIN_O2)).isEmpty();
        // the o2 admin's retry-all makes nothing of o1 due
        t.clock.advance(Duration.ofMinutes(1));
        assertThat(alerts.retryNow(ADMIN_O2, null).runs()).isZero();
        assertThat(annualA().get("retry_count")).isEqualTo(1);
        assertThatThrownBy(() -> alerts.failures(COORD)).isInstanceOf(AlertsRefusedException.class)
                .hasMessageContaining("administrator");
        Actor mentor = new Actor("u-pm-a", "A", "o1", Set.of(Role.PEER_MENTOR), "pm-a");
        assertThatThrownBy(() -> alerts.retryDue(mentor, null, null)).isInstanceOf(AlertsRefusedException.class);
        assertThatThrownBy(() -> alerts.overview(mentor)).isInstanceOf(AlertsRefusedException.class);
    }

    @Test
    void retryAllMakesEveryFailureInScopeDueNowAndRunsIt() {
        t.generate(2025, ANNUAL, null);
        failing = false;
        t.clock.advance(Duration.ofMinutes(1)); // before the 5 minutes of backoff
        AlertService.RetryResult r = alerts.retryNow(ADMIN_O1, null);
        assertThat(r.summariesDue()).isEqualTo(2);
        assertThat(r.runs()).isOne();
        assertThat(annualA().get("status")).isEqualTo("ready");
        assertThat(t.row("SELECT status FROM impact_summaries WHERE peer_mentor_id = 'pm-a' AND period_type = 'annual'")
                .get("status")).isEqualTo("ready");
        assertThat(alerts.overview(ADMIN_O1)).isEqualTo(new AlertService.Overview(0, 0));
    }
}
