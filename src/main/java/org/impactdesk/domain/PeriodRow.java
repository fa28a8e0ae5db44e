package org.impactdesk.domain;

/**
 * One stored personal periodic row of a peer mentor (a quarter or half): the sessions, the stored
 * outlier status and the thresholds stored with it when the period was generated.
 */
public record PeriodRow(Period period, int sessions, OutlierStatus status, int underactiveThreshold,
                        int overloadedThreshold) {
}
