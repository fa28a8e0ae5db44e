package org.impactdesk.service.generation;

import java.time.Instant;

/** Told after commit about every annual summary that became ready in a generation run. */
public interface GenerationListener {
    void annualSummaryReady(String userId, String organizationId, int year, Instant readyAt);

    /** One annual summary that became ready. */
    record Ready(String userId, String organizationId, int year, Instant readyAt) {
    }

    /**
     * Told once after a run's commit about all the annual summaries that became ready, in the
     * order they were written. The default tells {@link #annualSummaryReady} one by one; a
     * listener that can do the work for many at once overrides this.
     */
    default void annualSummariesReady(java.util.List<Ready> ready) {
        for (Ready r : ready) {
            annualSummaryReady(r.userId(), r.organizationId(), r.year(), r.readyAt());
        }
    }

    /**
     * Told before a permitted generation run computes anything, for the organisations it covers
     * ({@code organizationId} null: all the actor may generate for). The achievement evaluation
     * awards badges here, so the run's annual summaries list what the activities earned. A
     * failure is logged and never stops the generation.
     */
    default void beforeGeneration(org.impactdesk.access.Actor actor, String organizationId) {
    }
}
