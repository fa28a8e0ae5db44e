package org.impactdesk.service.followup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Where the team's stored session counts of a period lie: the median and the middle half (the
 * first to the third quartile, linearly interpolated between the sorted values, as spreadsheets'
 * QUARTILE.INC does), each to one decimal. It reads the stored figures only; an empty team has none.
 */
public record TeamSpread(int mentors, BigDecimal median, BigDecimal lowerQuartile, BigDecimal upperQuartile) {

    public static TeamSpread of(Collection<Integer> sessions) {
        int[] sorted = sessions.stream().mapToInt(Integer::intValue).sorted().toArray();
        if (sorted.length == 0) {
            return new TeamSpread(0, null, null, null);
        }
        return new TeamSpread(sorted.length, quantile(sorted, 0.5), quantile(sorted, 0.25), quantile(sorted, 0.75));
    }

    private static BigDecimal quantile(int[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        BigDecimal low = BigDecimal.valueOf(sorted[lo]);
        BigDecimal fraction = BigDecimal.valueOf(h - lo);
        return low.add(BigDecimal.valueOf(sorted[hi] - sorted[lo]).multiply(fraction))
                .setScale(1, RoundingMode.HALF_UP);
    }

    /** -1 below the middle half, 0 within it (bounds included), 1 above it. */
    public int position(int sessions) {
        if (mentors == 0) {
            return 0;
        }
        BigDecimal v = BigDecimal.valueOf(sessions);
        return v.compareTo(lowerQuartile) < 0 ? -1 : v.compareTo(upperQuartile) > 0 ? 1 : 0;
    }
}
