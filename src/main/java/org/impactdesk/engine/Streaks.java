package org.impactdesk.engine;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Streaks over the local dates with a counted activity, cut at the period's boundaries
 * (METRICS.md): the longest run of consecutive dates (the earliest on ties), the run that ends
 * on the period's last date, and the distinct ISO weeks (week-based year + week).
 */
public record Streaks(int longestDays, LocalDate longestStart, LocalDate longestEnd, int currentDays, int activeWeeks) {

    public static final Streaks NONE = new Streaks(0, null, null, 0, 0);

    /**
     * @param sortedDates distinct dates in ascending order, all inside [first, last]
     * @param last the period's last date
     */
    public static Streaks of(List<LocalDate> sortedDates, LocalDate last) {
        if (sortedDates.isEmpty()) {
            return NONE;
        }
        int best = 0;
        LocalDate bestStart = null;
        LocalDate bestEnd = null;
        int run = 0;
        LocalDate runStart = null;
        LocalDate prev = null;
        Set<Long> weeks = new HashSet<>();
        for (LocalDate d : sortedDates) {
            if (prev != null && d.equals(prev.plusDays(1))) {
                run++;
            } else {
                run = 1;
                runStart = d;
            }
            if (run > best) { // strictly longer: the earliest run wins ties
                best = run;
                bestStart = runStart;
                bestEnd = d;
            }
            prev = d;
            weeks.add(d.get(IsoFields.WEEK_BASED_YEAR) * 100L + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        }
        int current = prev.equals(last) ? run : 0;
        return new Streaks(best, bestStart, bestEnd, current, weeks.size());
    }
}
