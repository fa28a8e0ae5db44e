package org.impactdesk.domain;

import org.impactdesk.domain.Period;

/** A period that has stored periodic rows: {@code period_type}, year, and quarter or half. */
public record StoredPeriod(String periodType, int year, Integer quarter, Integer half) {

    public Period toPeriod() {
        return "quarterly".equals(periodType) ? new Period.Quarter(year, quarter) : new Period.Half(year, half);
    }
}
