package org.impactdesk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One approved activity as the engine sees it: {@code localDate} is {@code startedAt} in the
 * organisation's zone (the period it belongs to). Only approved activities are ever built.
 */
public record CountedActivity(
        String id,
        String localAssociationId,
        String typeKey,
        Instant startedAt,
        LocalDate localDate,
        int minutes,
        String contactId,
        BigDecimal travelKm) {

    /** Order of METRICS.md for cumulative milestones: started_at, then id. */
    public static final java.util.Comparator<CountedActivity> CHRONOLOGICAL =
            java.util.Comparator.comparing(CountedActivity::startedAt).thenComparing(CountedActivity::id);
}
