package org.impactdesk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Each setting falls back on its own to the platform default. */
class OrganizationSettingsTest {

    static OrganizationSettings org(BigDecimal rate, String currency, BigDecimal social, BigDecimal saving, Integer qu,
                                    Integer qo, Integer hu, Integer ho, Boolean enabled) {
        return new OrganizationSettings("org", "Org", null, rate, currency, social, saving, qu, qo, hu, ho, enabled);
    }

    @Test
    void everyFieldFallsBackOnItsOwn() {
        OrganizationSettings none = org(null, null, null, null, null, null, null, null, null);
        assertThat(none.zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
        assertThat(none.effectiveHourlyRate()).isEqualByComparingTo("450.00");
        assertThat(none.effectiveSocialValueMultiplier()).isEqualByComparingTo("1.50");
        assertThat(none.effectiveCostSavingPerContact()).isEqualByComparingTo("1200.00");
        assertThat(none.effectiveCurrency()).isEqualTo("NOK");
        assertThat(none.impactSummariesEnabled()).isTrue();
        OrganizationSettings some = org(new BigDecimal("300.00"), null, null, new BigDecimal("0.00"), null, null, null, null, true);
        assertThat(some.effectiveHourlyRate()).isEqualByComparingTo("300.00");
        assertThat(some.effectiveSocialValueMultiplier()).isEqualByComparingTo("1.50");
        assertThat(some.effectiveCostSavingPerContact()).isEqualByComparingTo("0.00"); // 0 is a setting, not missing
        assertThat(some.effectiveCurrency()).isEqualTo("NOK");
        OrganizationSettings other = org(null, "SEK", new BigDecimal("2.00"), null, null, null, null, null, false);
        assertThat(other.effectiveHourlyRate()).isEqualByComparingTo("450.00");
        assertThat(other.effectiveCurrency()).isEqualTo("SEK");
        assertThat(other.effectiveSocialValueMultiplier()).isEqualByComparingTo("2.00");
        assertThat(other.impactSummariesEnabled()).isFalse();
    }

    @Test
    void thresholdsPerPeriodKindWithDefaults() {
        OrganizationSettings none = org(null, null, null, null, null, null, null, null, null);
        assertThat(none.thresholds(true)).isEqualTo(new OrganizationSettings.OutlierThresholds(3, 40));
        assertThat(none.thresholds(false)).isEqualTo(new OrganizationSettings.OutlierThresholds(6, 80));
        OrganizationSettings half = org(null, null, null, null, 5, null, null, 20, null);
        assertThat(half.thresholds(true)).isEqualTo(new OrganizationSettings.OutlierThresholds(5, 40));
        assertThat(half.thresholds(false)).isEqualTo(new OrganizationSettings.OutlierThresholds(6, 20));
        // a custom underactive above the default overloaded: the pair would contradict itself, defaults apply
        OrganizationSettings odd = org(null, null, null, null, 50, null, null, null, null);
        assertThat(odd.thresholds(true)).isEqualTo(new OrganizationSettings.OutlierThresholds(3, 40));
    }
}
