package org.impactdesk.engine;

import java.math.BigDecimal;
import org.impactdesk.domain.OrganizationSettings.OutlierThresholds;

/**
 * The figures of one periodic row (seed 004), personal or team: sessions and hours, the
 * year-over-year comparison with its NULL rules, and the outlier status against snapshotted
 * thresholds.
 */
public record PeriodicFigures(
        int sessions,
        BigDecimal hours,
        Integer yoyDeltaSessions,
        BigDecimal yoyDeltaHours,
        BigDecimal yoyDeltaPercent,
        Integer priorSessions,
        BigDecimal priorHours,
        String outlierStatus,
        OutlierThresholds thresholds) {

    /**
     * @param priorDataExists a counted activity in the prior period, or a start on or before its
     *                        last day: without it every yoy and prior field is NULL, never 0
     */
    public static PeriodicFigures of(long sessions, long minutes, long priorSessions, long priorMinutes,
                                     boolean priorDataExists, OutlierThresholds thresholds) {
        BigDecimal hours = Hours.fromMinutes(minutes);
        Integer dS = null;
        BigDecimal dH = null;
        BigDecimal dP = null;
        Integer pS = null;
        BigDecimal pH = null;
        if (priorDataExists || priorSessions > 0) {
            pS = (int) priorSessions;
            pH = Hours.fromMinutes(priorMinutes);
            dS = (int) (sessions - priorSessions);
            dH = hours.subtract(pH); // stored values, not minutes
            dP = Hours.deltaPercent(sessions, priorSessions);
        }
        return new PeriodicFigures((int) sessions, hours, dS, dH, dP, pS, pH, outlier(sessions, thresholds), thresholds);
    }

    /**
     * The same figures classified against other thresholds: a stored row keeps the thresholds it
     * was first generated with (seed 004: snapshotted, never re-applied later).
     */
    public PeriodicFigures withThresholds(OutlierThresholds t) {
        if (t.equals(thresholds)) {
            return this;
        }
        return new PeriodicFigures(sessions, hours, yoyDeltaSessions, yoyDeltaHours, yoyDeltaPercent, priorSessions, priorHours,
                outlier(sessions, t), t);
    }

    public static String outlier(long sessions, OutlierThresholds t) {
        if (sessions < t.underactive()) {
            return "underactive";
        }
        if (sessions > t.overloaded()) {
            return "overloaded";
        }
        return "normal";
    }
}
