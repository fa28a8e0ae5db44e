package org.impactdesk.domain;

import java.math.BigDecimal;

/**
 * The figures of a funder report for one local association or in total (the keys of the spec's
 * {@code totals}); hours are exact minutes rounded half-up to 2 decimals.
 */
public record FunderFigures(int activePeerMentors, int individualCount, int groupSessions, int groupParticipants,
                            int courseDays, int courseParticipants, BigDecimal countedHours,
                            int contactServiceCount, BigDecimal contactServiceHours) {
}
