package org.impactdesk.summary;

import java.time.Instant;

/** Told after commit about every annual summary that became ready in a generation run. */
public interface GenerationListener {
    void annualSummaryReady(String userId, String organizationId, int year, Instant readyAt);
}
