package org.impactdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** period_start / period_end: UTC instants of the first local moment and the last local microsecond. */
class PeriodTest {
    static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    @Test
    void boundariesInOsloAcrossDaylightSaving() {
        Period.Year y = new Period.Year(2025);
        assertThat(y.startInstant(OSLO)).isEqualTo(Instant.parse("2024-12-31T23:00:00Z"));
        assertThat(y.endInstant(OSLO)).isEqualTo(Instant.parse("2025-12-31T22:59:59.999999Z"));
        Period.Quarter q2 = new Period.Quarter(2025, 2); // CEST (+02:00) at both ends
        assertThat(q2.startInstant(OSLO)).isEqualTo(Instant.parse("2025-03-31T22:00:00Z"));
        assertThat(q2.endInstant(OSLO)).isEqualTo(Instant.parse("2025-06-30T21:59:59.999999Z"));
        Period.Quarter q4 = new Period.Quarter(2025, 4); // starts in CEST, ends in CET
        assertThat(q4.startInstant(OSLO)).isEqualTo(Instant.parse("2025-09-30T22:00:00Z"));
        assertThat(q4.endInstant(OSLO)).isEqualTo(Instant.parse("2025-12-31T22:59:59.999999Z"));
        Period.Half h1 = new Period.Half(2025, 1);
        assertThat(h1.startInstant(OSLO)).isEqualTo(Instant.parse("2024-12-31T23:00:00Z"));
        assertThat(h1.endInstant(OSLO)).isEqualTo(Instant.parse("2025-06-30T21:59:59.999999Z"));
        assertThat(new Period.Quarter(2024, 1).lastDate()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(new Period.Quarter(2024, 1).contains(LocalDate.of(2024, 2, 29))).isTrue();
        assertThat(new Period.Year(2025).startInstant(ZoneId.of("UTC"))).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void closedOnlyWhenTheLastLocalDateIsBeforeToday() {
        Period.Year y = new Period.Year(2025);
        assertThat(y.isClosedOn(LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(y.isClosedOn(LocalDate.of(2026, 1, 1))).isTrue();
        Period.Quarter q1 = new Period.Quarter(2025, 1);
        assertThat(q1.isClosedOn(LocalDate.of(2025, 3, 31))).isFalse();
        assertThat(q1.isClosedOn(LocalDate.of(2025, 4, 1))).isTrue();
        assertThat(new Period.Half(2025, 1).priorYear()).isEqualTo(new Period.Half(2024, 1));
    }

    @Test
    void invalidPeriodsAreRefused() {
        assertThatThrownBy(() -> new Period.Quarter(2025, 5)).hasMessageContaining("quarter");
        assertThatThrownBy(() -> new Period.Half(2025, 0)).hasMessageContaining("half");
    }
}
