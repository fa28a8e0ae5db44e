package org.impactdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The seeds' status transitions (METRICS.md "Status lifecycle"), checked for every pair of
 * statuses (and a new row), with and without the admin's recompute: what is listed here is
 * allowed, every other transition is refused.
 */
class SummaryLifecycleTest {
    static final boolean ANY = false;

    /** The seeds' one-step transitions, written out by hand ("new" = no stored row). */
    static final Set<String> ANNUAL_STEPS = Set.of(
            "new->pending", "new->generating",
            "pending->generating",
            "generating->ready", "generating->insufficient", "generating->failed",
            "failed->generating",
            "insufficient->generating");
    static final Set<String> ANNUAL_RECOMPUTE_ONLY = Set.of("ready->generating");
    static final Set<String> IMPACT_STEPS = Set.of(
            "new->generating",
            "generating->ready", "generating->error",
            "error->generating",
            "ready->generating");

    static List<String> fromStates(SummaryLifecycle l) {
        List<String> from = new ArrayList<>();
        from.add(null);
        from.addAll(l.statuses());
        from.add("complete"); // seed 002's word is no status of this column
        return from;
    }

    static List<String> toStates(SummaryLifecycle l) {
        List<String> to = new ArrayList<>(l.statuses());
        to.add("complete");
        to.add("error".equals(l.statuses().get(l.statuses().size() - 1)) ? "failed" : "error");
        return to;
    }

    static String key(String from, String to) {
        return (from == null ? "new" : from) + "->" + to;
    }

    @Test
    void everyAnnualStepIsAllowedExactlyWhenTheSeedsListIt() {
        int refused = 0;
        for (String from : fromStates(SummaryLifecycle.ANNUAL)) {
            for (String to : toStates(SummaryLifecycle.ANNUAL)) {
                String k = key(from, to);
                assertThat(SummaryLifecycle.ANNUAL.allows(from, to, false)).as(k).isEqualTo(ANNUAL_STEPS.contains(k));
                assertThat(SummaryLifecycle.ANNUAL.allows(from, to, true)).as(k + " (admin recompute)")
                        .isEqualTo(ANNUAL_STEPS.contains(k) || ANNUAL_RECOMPUTE_ONLY.contains(k));
                if (!ANNUAL_STEPS.contains(k)) {
                    refused++;
                }
            }
        }
        // (new, 5 statuses, one unknown) x (5 statuses, two unknown), 8 of them allowed
        assertThat(refused).isEqualTo(7 * 7 - 8);
    }

    @Test
    void everyImpactStepIsAllowedExactlyWhenTheSeedsListIt() {
        int refused = 0;
        for (String from : fromStates(SummaryLifecycle.IMPACT)) {
            for (String to : toStates(SummaryLifecycle.IMPACT)) {
                String k = key(from, to);
                for (boolean recompute : new boolean[] {false, true}) {
                    assertThat(SummaryLifecycle.IMPACT.allows(from, to, recompute)).as(k).isEqualTo(IMPACT_STEPS.contains(k));
                }
                if (!IMPACT_STEPS.contains(k)) {
                    refused++;
                }
            }
        }
        assertThat(refused).isEqualTo(5 * 5 - 5);
    }

    @Test
    void aRunGoesThroughGeneratingSoItsWriteIsLegalWhenBothStepsAre() {
        SummaryLifecycle a = SummaryLifecycle.ANNUAL;
        for (String end : List.of("ready", "insufficient", "failed")) {
            assertThat(a.allowsRun(null, end, ANY)).as("new -> " + end).isTrue();
            assertThat(a.allowsRun("pending", end, ANY)).isTrue();
            assertThat(a.allowsRun("generating", end, ANY)).as("a stopped run's row is taken over").isTrue();
            assertThat(a.allowsRun("failed", end, ANY)).as("retry").isTrue();
            assertThat(a.allowsRun("insufficient", end, ANY)).as("new data").isTrue();
            assertThat(a.allowsRun("ready", end, false)).as("ready is frozen").isFalse();
            assertThat(a.allowsRun("ready", end, true)).as("admin recompute").isTrue();
        }
        for (String from : fromStates(a)) {
            assertThat(a.allowsRun(from, "pending", true)).as(key(from, "pending")).isFalse();
            assertThat(a.allowsRun(from, "generating", true)).as("a run never stores generating").isFalse();
            assertThat(a.allowsRun(from, "complete", true)).isFalse();
        }
        SummaryLifecycle i = SummaryLifecycle.IMPACT;
        for (String from : fromStates(i)) {
            boolean known = from == null || i.statuses().contains(from);
            assertThat(i.allowsRun(from, "ready", ANY)).as(key(from, "ready")).isEqualTo(known);
            assertThat(i.allowsRun(from, "error", ANY)).as(key(from, "error")).isEqualTo(known);
            assertThat(i.allowsRun(from, "generating", ANY)).isFalse();
            assertThat(i.allowsRun(from, "failed", ANY)).as("annual's word").isFalse();
        }
    }

    @Test
    void aRefusedWriteSaysWhichRowWhichChangeAndWhy() {
        assertThatThrownBy(() -> SummaryLifecycle.ANNUAL.requireRun("ready", "insufficient", false, "annual summary 2025 of pm-1"))
                .isInstanceOf(SummaryLifecycle.IllegalTransitionException.class)
                .hasMessageContaining("annual summary 2025 of pm-1")
                .hasMessageContaining("annual_summaries")
                .hasMessageContaining("ready -> insufficient")
                .hasMessageContaining("frozen");
        assertThatThrownBy(() -> SummaryLifecycle.IMPACT.requireRun(null, "pending", false, "impact summary 2025-H1 of pm-1"))
                .hasMessageContaining("(new row) -> pending")
                .hasMessageContaining("impact_summaries");
        SummaryLifecycle.ANNUAL.requireRun("failed", "ready", false, "annual summary 2025 of pm-1");
        SummaryLifecycle.IMPACT.requireRun("ready", "ready", false, "impact summary 2025 of pm-1");
    }
}
