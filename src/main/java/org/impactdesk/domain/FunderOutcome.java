package org.impactdesk.domain;

import java.time.LocalDate;

/**
 * What the funder rules made of one activity of the year: its local date, its category (null when
 * the type has none), and either counted ({@code reason} null) or the one reason it is not.
 */
public record FunderOutcome(FunderActivity activity, LocalDate localDate, FunderCategory category, FunderReason reason) {

    public boolean counted() {
        return reason == null;
    }
}
