package org.impactdesk.share;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a share card shows, and nothing else: aggregates and labels from the stored slide
 * payload. There is deliberately no field for anyone's personal data: no contact names or ids,
 * no emails, no user ids. The one personal item is the mentor's own first name, present only
 * when the mentor opted in ({@code peer_mentors.share_first_name}); otherwise null.
 *
 * @param monthlyActivities activities per month, January first (12 entries)
 * @param busiestMonth 1..12, or null when there were no activities
 * @param longestStreakDays null when the payload has no streak slide
 * @param percentileRank null when the payload has none
 * @param badges catalog badges awarded, one entry per award in the payload's order (catalog labels, not personal)
 * @param monetaryEquivalent null when the payload has no impact slide
 */
public record ShareCard(
        int year,
        String mentorFirstName,
        BigDecimal totalHours,
        int totalActivities,
        int peopleSupported,
        List<Integer> monthlyActivities,
        Integer busiestMonth,
        List<MixShare> activityMix,
        Integer longestStreakDays,
        BigDecimal percentileRank,
        List<BadgeShare> badges,
        BigDecimal monetaryEquivalent,
        String currency) {

    public ShareCard {
        monthlyActivities = List.copyOf(monthlyActivities);
        activityMix = List.copyOf(activityMix);
        badges = List.copyOf(badges);
    }

    /** One activity type's share: catalog labels (English, Norwegian) and the count. */
    public record MixShare(String label, String labelNb, int count) {
    }

    /**
     * One badge awarded: its catalog label in English and Norwegian ({@code labelNb} null or blank when the
     * catalog has none; the card then says the English one).
     */
    public record BadgeShare(String label, String labelNb) {
    }

    public boolean hasName() {
        return mentorFirstName != null;
    }
}
