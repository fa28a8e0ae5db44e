package org.impactdesk.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One award (a {@code user_achievements} row): the window it fills ({@code periodKey}), the moment
 * the threshold was crossed, and who awarded it by hand ({@code awardedBy} null = the evaluator).
 */
public record Award(UUID achievementId, String userId, String periodKey, Instant awardedAt, String awardedBy) {
}
