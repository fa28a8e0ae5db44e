package org.impactdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Percentile rank: NULL under 10, else PERCENT_RANK() by hours, 1 decimal half-up. */
class PercentileTest {

    static List<BigDecimal> hours(String... hs) {
        List<BigDecimal> out = new ArrayList<>();
        for (String h : hs) {
            out.add(new BigDecimal(h));
        }
        return out;
    }

    @Test
    void nullUnderTenMembers() {
        Percentile p = new Percentile(hours("1", "2", "3", "4", "5", "6", "7", "8", "9"));
        assertThat(p.rankOf(new BigDecimal("9"))).isNull();
        assertThat(new Percentile(List.of()).rankOf(BigDecimal.ONE)).isNull();
    }

    @Test
    void tenDistinctMembersRankFromZeroToHundred() {
        Percentile p = new Percentile(hours("10.00", "1.00", "2.00", "3.00", "4.00", "5.00", "6.00", "7.00", "8.00", "9.00"));
        assertThat(p.rankOf(new BigDecimal("1.00"))).isEqualByComparingTo("0.0").hasScaleOf(1);
        assertThat(p.rankOf(new BigDecimal("2.00"))).isEqualByComparingTo("11.1"); // 100/9 = 11.11
        assertThat(p.rankOf(new BigDecimal("6.00"))).isEqualByComparingTo("55.6"); // 500/9 = 55.555.. half-up
        assertThat(p.rankOf(new BigDecimal("9.00"))).isEqualByComparingTo("88.9");
        assertThat(p.rankOf(new BigDecimal("10.00"))).isEqualByComparingTo("100.0");
    }

    @Test
    void tiesShareTheRankOfTheFirstOfThem() {
        // 11 members: 1, 2, 2, 2, 3 .. 9: three with 2 hours have 1 below them -> 100 * 1 / 10 = 10.0
        Percentile p = new Percentile(hours("1", "2", "2.0", "2.00", "3", "4", "5", "6", "7", "8", "9"));
        assertThat(p.rankOf(new BigDecimal("2.00"))).isEqualByComparingTo("10.0");
        assertThat(p.rankOf(new BigDecimal("3.00"))).isEqualByComparingTo("40.0");
        assertThat(p.rankOf(new BigDecimal("9"))).isEqualByComparingTo("100.0");
        // everyone equal: 0.0 for all
        assertThat(new Percentile(Collections.nCopies(12, new BigDecimal("5.00"))).rankOf(new BigDecimal("5.00")))
                .isEqualByComparingTo("0.0");
    }

    @Test
    void halfUpAtOneDecimal() {
        // 41 members, 1 below: 100 / 40 = 2.5 exactly -> 2.5; 9 members below of 17: 900/16 = 56.25 -> 56.3
        List<BigDecimal> h = new ArrayList<>();
        for (int i = 0; i < 17; i++) {
            h.add(BigDecimal.valueOf(i));
        }
        assertThat(new Percentile(h).rankOf(BigDecimal.valueOf(9))).isEqualByComparingTo("56.3");
    }

    /** PERCENT_RANK by definition: (rank - 1) / (n - 1), rank = 1 + members strictly lower. */
    static BigDecimal brute(List<BigDecimal> cohort, BigDecimal x) {
        if (cohort.size() < 10) {
            return null;
        }
        int lower = 0;
        for (BigDecimal c : cohort) {
            if (c.compareTo(x) < 0) {
                lower++;
            }
        }
        return new BigDecimal(lower * 100).divide(new BigDecimal(cohort.size() - 1), 1, RoundingMode.HALF_UP);
    }

    @Property(tries = 500)
    void matchesPercentRankOfEveryMember(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 300) Integer> minutes) {
        List<BigDecimal> cohort = minutes.stream().map(m -> Hours.fromMinutes(m * 7L)).toList();
        Percentile p = new Percentile(cohort);
        for (BigDecimal h : cohort) {
            BigDecimal r = p.rankOf(h);
            assertThat(r).isEqualTo(brute(cohort, h));
            if (r != null) {
                assertThat(r).isBetween(BigDecimal.ZERO, new BigDecimal("100.0"));
            }
        }
    }

    /** The same ranks as H2's PERCENT_RANK() OVER (ORDER BY total_hours), the SQL definition METRICS.md names. */
    @Property(tries = 60)
    void agreesWithH2PercentRank(@ForAll @Size(min = 10, max = 30) List<@IntRange(min = 0, max = 40) Integer> quarterHours)
            throws Exception {
        List<BigDecimal> cohort = quarterHours.stream().map(q -> BigDecimal.valueOf(q * 25L, 2)).toList(); // ties likely
        Percentile p = new Percentile(cohort);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:pr" + System.nanoTime(), "sa", "")) {
            c.createStatement().execute("CREATE TABLE cohort (id INT PRIMARY KEY, total_hours DECIMAL(12,2))");
            try (java.sql.PreparedStatement ins = c.prepareStatement("INSERT INTO cohort VALUES (?, ?)")) {
                for (int i = 0; i < cohort.size(); i++) {
                    ins.setInt(1, i);
                    ins.setBigDecimal(2, cohort.get(i));
                    ins.executeUpdate();
                }
            }
            try (java.sql.ResultSet rs = c.createStatement().executeQuery(
                    "SELECT total_hours, PERCENT_RANK() OVER (ORDER BY total_hours) FROM cohort")) {
                int n = cohort.size();
                while (rs.next()) {
                    long below = Math.round(rs.getDouble(2) * (n - 1)); // exact count behind H2's double
                    BigDecimal sql = BigDecimal.valueOf(100 * below).divide(BigDecimal.valueOf(n - 1), 1, RoundingMode.HALF_UP);
                    assertThat(p.rankOf(rs.getBigDecimal(1))).isEqualTo(sql);
                }
            }
        }
    }
}
