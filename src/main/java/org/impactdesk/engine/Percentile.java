package org.impactdesk.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;

/**
 * Percentile rank in an organisation's cohort (METRICS.md): NULL under 10 members, else
 * {@code 100 * (members with strictly fewer hours) / (n - 1)}, 1 decimal half-up.
 */
public final class Percentile {
    public static final int MINIMUM_COHORT = 10;

    private final BigDecimal[] sorted;

    public Percentile(Collection<BigDecimal> cohortHours) {
        this.sorted = cohortHours.toArray(BigDecimal[]::new);
        Arrays.sort(sorted);
    }

    public int size() {
        return sorted.length;
    }

    /** The rank of a cohort member with these hours; null when the cohort is under 10. */
    public BigDecimal rankOf(BigDecimal hours) {
        int n = sorted.length;
        if (n < MINIMUM_COHORT) {
            return null;
        }
        int lo = 0;
        int hi = n;
        while (lo < hi) { // first index with value >= hours = number strictly fewer
            int mid = (lo + hi) >>> 1;
            if (sorted[mid].compareTo(hours) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return BigDecimal.valueOf(100L * lo).divide(BigDecimal.valueOf(n - 1L), 1, RoundingMode.HALF_UP);
    }
}
