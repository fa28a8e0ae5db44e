package org.impactdesk.domain;

import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * An organisation and its summary settings as stored: a NULL field means "platform default"
 * (METRICS.md), each field falling back on its own. The {@code effective*} methods apply the
 * defaults.
 */
public record OrganizationSettings(
        String id,
        String name,
        ZoneId zone,
        BigDecimal hourlyRate,
        String currency,
        BigDecimal socialValueMultiplier,
        BigDecimal costSavingPerContact,
        Integer quarterlyUnderactiveSessions,
        Integer quarterlyOverloadedSessions,
        Integer halfYearUnderactiveSessions,
        Integer halfYearOverloadedSessions,
        Boolean impactSummaryEnabled) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Oslo");
    public static final BigDecimal DEFAULT_HOURLY_RATE = new BigDecimal("450.00");
    public static final BigDecimal DEFAULT_SOCIAL_VALUE_MULTIPLIER = new BigDecimal("1.50");
    public static final BigDecimal DEFAULT_COST_SAVING_PER_CONTACT = new BigDecimal("1200.00");
    public static final String DEFAULT_CURRENCY = "NOK";
    public static final OutlierThresholds DEFAULT_QUARTERLY = new OutlierThresholds(3, 40);
    public static final OutlierThresholds DEFAULT_HALF_YEAR = new OutlierThresholds(6, 80);

    public OrganizationSettings {
        if (zone == null) {
            zone = DEFAULT_ZONE;
        }
    }

    /** Only the id and zone known: every setting at its platform default. */
    public static OrganizationSettings defaults(String id, String name) {
        return new OrganizationSettings(id, name, DEFAULT_ZONE, null, null, null, null, null, null, null, null, null);
    }

    public BigDecimal effectiveHourlyRate() {
        return hourlyRate != null ? hourlyRate : DEFAULT_HOURLY_RATE;
    }

    public BigDecimal effectiveSocialValueMultiplier() {
        return socialValueMultiplier != null ? socialValueMultiplier : DEFAULT_SOCIAL_VALUE_MULTIPLIER;
    }

    public BigDecimal effectiveCostSavingPerContact() {
        return costSavingPerContact != null ? costSavingPerContact : DEFAULT_COST_SAVING_PER_CONTACT;
    }

    public String effectiveCurrency() {
        return currency != null && !currency.isBlank() ? currency : DEFAULT_CURRENCY;
    }

    /** An empty {@code impact_summary_enabled} means enabled. */
    public boolean impactSummariesEnabled() {
        return impactSummaryEnabled == null || impactSummaryEnabled;
    }

    /**
     * Outlier thresholds for a period kind, each falling back on its own. When a custom value
     * combined with a default breaks "overloaded must exceed underactive", both defaults apply
     * (a half-set pair that contradicts itself is not a usable setting).
     */
    public OutlierThresholds thresholds(boolean quarterly) {
        OutlierThresholds d = quarterly ? DEFAULT_QUARTERLY : DEFAULT_HALF_YEAR;
        Integer u = quarterly ? quarterlyUnderactiveSessions : halfYearUnderactiveSessions;
        Integer o = quarterly ? quarterlyOverloadedSessions : halfYearOverloadedSessions;
        int under = u != null ? u : d.underactive();
        int over = o != null ? o : d.overloaded();
        if (over <= under) {
            return d;
        }
        return new OutlierThresholds(under, over);
    }

    /** Sessions below {@code underactive} are underactive, above {@code overloaded} overloaded. */
    public record OutlierThresholds(int underactive, int overloaded) {
        public OutlierThresholds times(int n) {
            return new OutlierThresholds(underactive * n, overloaded * n);
        }
    }
}
