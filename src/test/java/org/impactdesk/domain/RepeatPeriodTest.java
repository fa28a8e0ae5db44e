package org.impactdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RepeatPeriodTest {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void keysOfEachPeriod() {
        LocalDate d = LocalDate.of(2025, 7, 14);
        assertThat(RepeatPeriod.YEARLY.key(d)).isEqualTo("2025");
        assertThat(RepeatPeriod.HALF_YEARLY.key(d)).isEqualTo("2025-H2");
        assertThat(RepeatPeriod.QUARTERLY.key(d)).isEqualTo("2025-Q3");
        assertThat(RepeatPeriod.MONTHLY.key(d)).isEqualTo("2025-07");
        assertThat(RepeatPeriod.HALF_YEARLY.key(LocalDate.of(2025, 6, 30))).isEqualTo("2025-H1");
        assertThat(RepeatPeriod.QUARTERLY.key(LocalDate.of(2025, 3, 31))).isEqualTo("2025-Q1");
        assertThat(RepeatPeriod.QUARTERLY.key(LocalDate.of(2025, 4, 1))).isEqualTo("2025-Q2");
        assertThat(RepeatPeriod.QUARTERLY.key(LocalDate.of(2025, 12, 31))).isEqualTo("2025-Q4");
        assertThat(RepeatPeriod.MONTHLY.key(LocalDate.of(2025, 1, 1))).isEqualTo("2025-01");
    }

    @Test
    void theNewYearActivityFallsInTheOsloYear() {
        LocalDate local = LocalDate.ofInstant(Instant.parse("2024-12-31T23:30:00Z"), OSLO);
        assertThat(RepeatPeriod.YEARLY.key(local)).isEqualTo("2025");
        assertThat(RepeatPeriod.HALF_YEARLY.key(local)).isEqualTo("2025-H1");
        assertThat(RepeatPeriod.QUARTERLY.key(local)).isEqualTo("2025-Q1");
        assertThat(RepeatPeriod.MONTHLY.key(local)).isEqualTo("2025-01");
        // and in UTC it would still be 2024
        assertThat(RepeatPeriod.YEARLY.key(LocalDate.ofInstant(Instant.parse("2024-12-31T23:30:00Z"), ZoneId.of("UTC"))))
                .isEqualTo("2024");
    }

    @Test
    void codesRoundTrip() {
        for (RepeatPeriod p : RepeatPeriod.values()) {
            assertThat(RepeatPeriod.fromCode(p.code())).isEqualTo(p);
        }
        for (TriggerType t : TriggerType.values()) {
            assertThat(TriggerType.fromCode(t.code())).isEqualTo(t);
        }
        for (Category c : Category.values()) {
            assertThat(Category.fromCode(c.code())).isEqualTo(c);
        }
    }
}
