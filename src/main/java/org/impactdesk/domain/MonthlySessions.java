package org.impactdesk.domain;

import java.time.YearMonth;
import java.util.Map;

/**
 * Counted sessions per month of the twelve months ending with a period's last month, per peer
 * mentor, as generation stored them ({@code summary_mentor_months}). A mentor without a stored
 * month had no counted session in it; {@code stored} is false when nothing at all is stored yet
 * (a database generated before the months were kept: the next generation fills them).
 */
public record MonthlySessions(YearMonth firstMonth, Map<String, int[]> byMentor, boolean stored) {
    public static final int MONTHS = 12;

    public MonthlySessions {
        byMentor = Map.copyOf(byMentor);
    }

    /** The twelve months of a mentor, oldest first (zeros for a mentor with none stored). */
    public int[] of(String peerMentorId) {
        int[] v = byMentor.get(peerMentorId);
        return v == null ? new int[MONTHS] : v.clone();
    }

    /** The twelve months ending with the last month of {@code p}. */
    public static YearMonth firstMonthFor(Period p) {
        return YearMonth.from(p.lastDate()).minusMonths(MONTHS - 1);
    }
}
