package org.impactdesk.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything the Mentor screen shows for one mentor and year, assembled from stored summaries
 * (or the engine's preview of an open year). Figures are the stored ones; a missing figure is
 * {@code null}, never 0.
 */
public record MentorOverview(MentorRef mentor, int year, boolean yearOpen, Source thisYearSource,
                             boolean lastYearStored, List<YoyPoint> months, List<YoyPoint> quarters,
                             List<SummaryEntry> summaries, List<StoredSummaries.MilestoneItem> milestones,
                             List<StoredSummaries.AwardItem> awards, List<Integer> availableYears) {

    public MentorOverview {
        months = List.copyOf(months);
        quarters = List.copyOf(quarters);
        summaries = List.copyOf(summaries);
        milestones = List.copyOf(milestones);
        awards = List.copyOf(awards);
        availableYears = List.copyOf(availableYears);
    }

    /** Where this year's figures come from. */
    public enum Source {
        /** a stored annual summary of a closed year */
        STORED,
        /** the engine's preview of the open year (not stored) */
        PREVIEW,
        /** the year is still open and the engine offers no preview: the stored row, if any, is shown */
        STORED_OPEN_YEAR,
        /** no annual summary stored for the year */
        MISSING
    }

    /**
     * One month (1-12) or quarter (1-4): this year's and last year's sessions and hours.
     * {@code partial}: the period is the open one (it holds today), so this year's figures are what
     * exists so far, not the period's total.
     */
    public record YoyPoint(int index, Integer thisYearSessions, Integer lastYearSessions,
                           BigDecimal thisYearHours, BigDecimal lastYearHours, boolean partial) {

        /** A closed period's point. */
        public YoyPoint(int index, Integer thisYearSessions, Integer lastYearSessions,
                        BigDecimal thisYearHours, BigDecimal lastYearHours) {
            this(index, thisYearSessions, lastYearSessions, thisYearHours, lastYearHours, false);
        }
    }

    public enum Kind { ANNUAL, IMPACT, PERIODIC }

    /**
     * One stored summary of the mentor: {@code period} like "2025", "2025-H1", "2025-Q3";
     * {@code status} the lifecycle status (annual, impact) or the outlier status (periodic).
     */
    public record SummaryEntry(Kind kind, int year, String period, String status, Integer sessions,
                               BigDecimal hours, Instant generatedAt) {
    }
}
