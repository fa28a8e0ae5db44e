package org.impactdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportYearsTest {

    @Test
    void theRangeIsTwoThousandToTwentyOneHundredBothIncluded() {
        assertThat(ReportYears.contains(1999)).isFalse();
        assertThat(ReportYears.contains(2000)).isTrue();
        assertThat(ReportYears.contains(2100)).isTrue();
        assertThat(ReportYears.contains(2101)).isFalse();
        assertThat(ReportYears.require(2025)).isEqualTo(2025);
    }

    @Test
    void aYearOutsideIsRefusedWithWordsThatSayTheRangeAndTheYear() {
        assertThat(ReportYears.problem(1999)).isEqualTo("The year must be from 2000 to 2100, not 1999.");
        assertThatThrownBy(() -> ReportYears.require(2101)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The year must be from 2000 to 2100, not 2101.");
    }
}
