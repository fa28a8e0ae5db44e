package org.impactdesk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The stored summary rows of one mentor as the Mentor screen reads them (values as stored, never recomputed). */
public final class StoredSummaries {
    private StoredSummaries() {
    }

    /** One entry of an annual summary's {@code monthly_distribution}. */
    public record MonthFigure(int month, int sessions, BigDecimal hours) {
    }

    /** One entry of {@code milestones}. */
    public record MilestoneItem(String key, Instant achievedAt, Integer thresholdValue) {
    }

    /**
     * One entry of {@code achievements_earned}; {@code name} and {@code nameNb} are the catalog names once
     * MentorService has looked them up (null before, when the achievement is gone, or, for {@code nameNb},
     * when the badge has no Norwegian name); {@code forYear} is the year an {@code annual_summary} badge is
     * for (shown as "Year in review 2025" rather than by its date), null for any other badge.
     */
    public record AwardItem(String achievementId, String key, String name, String nameNb, Instant awardedAt,
                            Integer forYear) {
        public AwardItem(String achievementId, String key, String name, Instant awardedAt) {
            this(achievementId, key, name, null, awardedAt, null);
        }
    }

    /** A row of {@code annual_summaries}. */
    public record Annual(int year, String status, boolean dataSufficiency, int totalActivities, BigDecimal totalHours,
                         List<MonthFigure> months, List<MilestoneItem> milestones, List<AwardItem> awards,
                         Instant generatedAt) {
        public Annual {
            months = List.copyOf(months);
            milestones = List.copyOf(milestones);
            awards = List.copyOf(awards);
        }
    }

    /** A personal row of {@code periodic_summaries} (team rows are not a mentor's). */
    public record Periodic(String periodType, int year, Integer quarter, Integer half, int sessions, BigDecimal hours,
                           Integer priorYearSessions, BigDecimal priorYearHours, String outlierStatus,
                           Instant generatedAt) {
        public boolean isQuarter(int y, int q) {
            return "quarterly".equals(periodType) && year == y && quarter != null && quarter == q;
        }
    }

    /** A row of {@code impact_summaries}. */
    public record Impact(String periodType, int year, Integer halfIndex, String status, int activities,
                         BigDecimal hours, String headline, Instant generatedAt) {
    }
}
