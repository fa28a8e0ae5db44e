package org.impactdesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.impactdesk.domain.OrganizationSettings.OutlierThresholds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seed 004 figures: YoY NULL rules, stored-value deltas, outlier status on snapshotted thresholds. */
class PeriodicFiguresTest {
    static final OutlierThresholds T = new OutlierThresholds(3, 40);

    @Test
    void withoutPriorDataEveryYoyAndPriorFieldIsNullNeverZero() {
        PeriodicFigures f = PeriodicFigures.of(4, 240, 0, 0, false, T);
        assertThat(f.sessions()).isEqualTo(4);
        assertThat(f.hours()).isEqualByComparingTo("4.00");
        assertThat(f.yoyDeltaSessions()).isNull();
        assertThat(f.yoyDeltaHours()).isNull();
        assertThat(f.yoyDeltaPercent()).isNull();
        assertThat(f.priorSessions()).isNull();
        assertThat(f.priorHours()).isNull();
        assertThat(f.outlierStatus()).isEqualTo("normal");
    }

    @Test
    void aRealZeroPriorGivesDeltasButNoPercent() {
        PeriodicFigures f = PeriodicFigures.of(0, 0, 0, 0, true, T);
        assertThat(f.priorSessions()).isZero();
        assertThat(f.priorHours()).isEqualByComparingTo("0.00");
        assertThat(f.yoyDeltaSessions()).isZero();
        assertThat(f.yoyDeltaHours()).isEqualByComparingTo("0.00");
        assertThat(f.yoyDeltaPercent()).isNull();
        assertThat(f.outlierStatus()).isEqualTo("underactive");
    }

    @Test
    void deltaHoursIsTheDifferenceOfTheStoredRoundedValues() {
        // current 10 min = 0.17, prior 5 min = 0.08: 0.09 (from minutes it would be 0.08)
        PeriodicFigures f = PeriodicFigures.of(1, 10, 1, 5, true, T);
        assertThat(f.yoyDeltaHours()).isEqualByComparingTo("0.09");
        assertThat(f.yoyDeltaPercent()).isEqualByComparingTo("0.00");
        // fewer sessions: negative deltas
        PeriodicFigures g = PeriodicFigures.of(2, 50, 3, 95, true, T);
        assertThat(g.yoyDeltaSessions()).isEqualTo(-1);
        assertThat(g.yoyDeltaHours()).isEqualByComparingTo("-0.75"); // 0.83 - 1.58
        assertThat(g.yoyDeltaPercent()).isEqualByComparingTo("-33.33");
    }

    @ParameterizedTest(name = "{0} sessions: {1}")
    @CsvSource({"0,underactive", "2,underactive", "3,normal", "40,normal", "41,overloaded"})
    void outlierBoundaries(int sessions, String status) {
        assertThat(PeriodicFigures.outlier(sessions, T)).isEqualTo(status);
        assertThat(PeriodicFigures.of(sessions, 0, 0, 0, false, T).thresholds()).isEqualTo(T);
    }
}
