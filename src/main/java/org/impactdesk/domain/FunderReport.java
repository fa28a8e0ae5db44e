package org.impactdesk.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The funder report of one organisation and year (FUNDER_REPORT.md): the rules used, the figures
 * in total and per local association, the activities not counted by reason, the active peer
 * mentors, the activity types without a category, and every activity's outcome (for the lists and
 * the export). {@code finalYear} is false for the open year, whose report is a forecast.
 */
public record FunderReport(String organizationId, int year, boolean finalYear, FunderRules rules, FunderFigures totals,
                           List<AssociationFigures> associations, List<NotCounted> notCounted,
                           List<ActiveMentor> activeMentors, List<String> uncategorisedTypes,
                           List<FunderOutcome> outcomes) {

    public FunderReport {
        associations = List.copyOf(associations);
        notCounted = List.copyOf(notCounted);
        activeMentors = List.copyOf(activeMentors);
        uncategorisedTypes = List.copyOf(uncategorisedTypes);
        outcomes = List.copyOf(outcomes);
    }

    public record AssociationFigures(String localAssociationId, FunderFigures figures) {
    }

    /** One reason's line: the number of activities and the hours of their own minutes. */
    public record NotCounted(FunderReason reason, int activities, BigDecimal hours) {
    }

    /** A peer mentor with at least one counted activity and how many of their activities counted. */
    public record ActiveMentor(String peerMentorId, int countedActivities, List<String> localAssociationIds) {
        public ActiveMentor {
            localAssociationIds = List.copyOf(localAssociationIds);
        }
    }
}
