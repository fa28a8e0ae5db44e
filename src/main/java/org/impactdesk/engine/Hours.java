package org.impactdesk.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one rounding rule of METRICS.md: half-up, 2 decimals, from exact values. */
public final class Hours {
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private Hours() {
    }

    /** minutes / 60, exactly, rounded half-up to 2 decimals. */
    public static BigDecimal fromMinutes(long minutes) {
        return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
    }

    /** A money or value figure: 2 decimals half-up. */
    public static BigDecimal money(BigDecimal a, BigDecimal b) {
        return a.multiply(b).setScale(2, RoundingMode.HALF_UP);
    }

    /** (current - prior) / prior * 100, 2 decimals half-up; null when prior is 0. */
    public static BigDecimal deltaPercent(long current, long prior) {
        if (prior == 0) {
            return null;
        }
        return BigDecimal.valueOf((current - prior) * 100L).divide(BigDecimal.valueOf(prior), 2, RoundingMode.HALF_UP);
    }

    /** total / count, 2 decimals half-up; null when count is 0. */
    public static BigDecimal average(long total, long count) {
        if (count == 0) {
            return null;
        }
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
