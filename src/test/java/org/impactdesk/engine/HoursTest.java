package org.impactdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Half-up rounding to 2 decimals, away from zero for negatives (METRICS.md). */
class HoursTest {

    @ParameterizedTest(name = "{0} min = {1} h")
    @CsvSource({"0,0.00", "1,0.02", "3,0.05", "5,0.08", "7,0.12", "10,0.17", "20,0.33", "30,0.50", "45,0.75", "50,0.83",
            "55,0.92", "59,0.98", "60,1.00", "61,1.02", "955,15.92", "1440,24.00", "100000,1666.67"})
    void minutesToHours(long minutes, String hours) {
        BigDecimal h = Hours.fromMinutes(minutes);
        assertThat(h).isEqualByComparingTo(hours).hasScaleOf(2);
    }

    @Test
    void moneyIsTwoDecimalsHalfUpAwayFromZero() {
        assertThat(Hours.money(new BigDecimal("15.92"), new BigDecimal("450.00"))).isEqualByComparingTo("7164.00").hasScaleOf(2);
        assertThat(Hours.money(new BigDecimal("15.92"), new BigDecimal("1.50"))).isEqualByComparingTo("23.88");
        assertThat(Hours.money(new BigDecimal("0.17"), new BigDecimal("1.25"))).isEqualByComparingTo("0.21"); // 0.2125
        assertThat(Hours.money(new BigDecimal("0.05"), new BigDecimal("0.50"))).isEqualByComparingTo("0.03"); // 0.025
        assertThat(Hours.money(new BigDecimal("-3.125"), BigDecimal.ONE)).isEqualByComparingTo("-3.13");
        assertThat(Hours.money(new BigDecimal("-0.005"), BigDecimal.ONE)).isEqualByComparingTo("-0.01");
        assertThat(Hours.money(new BigDecimal("3"), new BigDecimal("1200.00"))).isEqualByComparingTo("3600.00").hasScaleOf(2);
    }

    @Test
    void deltaPercentOnSessions() {
        assertThat(Hours.deltaPercent(5, 8)).isEqualByComparingTo("-37.50").hasScaleOf(2);
        assertThat(Hours.deltaPercent(2, 3)).isEqualByComparingTo("-33.33");
        assertThat(Hours.deltaPercent(1, 3)).isEqualByComparingTo("-66.67"); // -66.666.. away from zero
        assertThat(Hours.deltaPercent(4, 3)).isEqualByComparingTo("33.33");
        assertThat(Hours.deltaPercent(5, 3)).isEqualByComparingTo("66.67");
        assertThat(Hours.deltaPercent(799, 800)).isEqualByComparingTo("-0.13"); // -0.125, half-up away from zero
        assertThat(Hours.deltaPercent(801, 800)).isEqualByComparingTo("0.13");
        assertThat(Hours.deltaPercent(0, 4)).isEqualByComparingTo("-100.00");
        assertThat(Hours.deltaPercent(4, 0)).isNull();
        assertThat(Hours.deltaPercent(0, 0)).isNull();
    }

    @Test
    void averageIsTwoDecimalsHalfUpAndNullWithoutActivities() {
        assertThat(Hours.average(17, 8)).isEqualByComparingTo("2.13");
        assertThat(Hours.average(55, 3)).isEqualByComparingTo("18.33");
        assertThat(Hours.average(60, 1)).isEqualByComparingTo("60.00").hasScaleOf(2);
        assertThat(Hours.average(0, 0)).isNull();
    }

    // ---- properties against a brute force in integer arithmetic

    /** round(n / d) half-up away from zero, in hundredths, with integers only. */
    static BigDecimal bruteHundredths(long n, long d) {
        BigInteger num = BigInteger.valueOf(n).multiply(BigInteger.valueOf(100));
        BigInteger den = BigInteger.valueOf(d);
        BigInteger[] qr = num.abs().divideAndRemainder(den.abs());
        BigInteger q = qr[0];
        if (qr[1].multiply(BigInteger.TWO).compareTo(den.abs()) >= 0) {
            q = q.add(BigInteger.ONE);
        }
        if ((n < 0) != (d < 0) && n != 0) {
            q = q.negate();
        }
        return new BigDecimal(q, 2);
    }

    @Property(tries = 1000)
    void fromMinutesIsHalfUpOfMinutesOverSixty(@ForAll @LongRange(min = 0, max = 10_000_000) long minutes) {
        assertThat(Hours.fromMinutes(minutes)).isEqualTo(bruteHundredths(minutes, 60));
    }

    @Property(tries = 1000)
    void deltaPercentIsHalfUpAwayFromZero(@ForAll @IntRange(min = 0, max = 5000) int current,
                                          @ForAll @IntRange(min = 1, max = 5000) int prior) {
        assertThat(Hours.deltaPercent(current, prior)).isEqualTo(bruteHundredths((long) (current - prior) * 100, prior));
    }

    @Property(tries = 1000)
    void averageIsHalfUp(@ForAll @LongRange(min = 0, max = 1_000_000) long total, @ForAll @IntRange(min = 1, max = 5000) int n) {
        assertThat(Hours.average(total, n)).isEqualTo(bruteHundredths(total, n));
    }

    @Property(tries = 1000)
    void moneyIsHalfUpAwayFromZero(@ForAll @IntRange(min = -10_000_000, max = 10_000_000) int hundredthsHours,
                                   @ForAll @IntRange(min = 0, max = 100_000) int hundredthsRate) {
        // exact product in 1/10000, then round to hundredths: n / 100
        long product = (long) hundredthsHours * hundredthsRate;
        assertThat(Hours.money(BigDecimal.valueOf(hundredthsHours, 2), BigDecimal.valueOf(hundredthsRate, 2)))
                .isEqualTo(bruteHundredths(product, 10_000));
    }
}
