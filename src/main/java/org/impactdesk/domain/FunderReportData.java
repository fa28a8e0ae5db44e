package org.impactdesk.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

/**
 * A funder report with what it is shown and exported with: the organisation's name and zone, the
 * day it was made (local), and the names of associations, peer mentors and activity types. No
 * contact names: the report never holds any. {@code scopedToAssociations} is true for a
 * coordinator's report (their associations only).
 */
public record FunderReportData(FunderReport report, String organizationName, ZoneId zone, LocalDate madeOn,
                               Map<String, String> associationNames, Map<String, String> mentorNames,
                               Map<String, ActivityTypeName> typeNames, boolean scopedToAssociations) {

    public FunderReportData {
        associationNames = Map.copyOf(associationNames);
        mentorNames = Map.copyOf(mentorNames);
        typeNames = Map.copyOf(typeNames);
    }

    public String associationName(String id) {
        return associationNames.getOrDefault(id, id);
    }

    public String mentorName(String peerMentorId) {
        return mentorNames.getOrDefault(peerMentorId, peerMentorId);
    }

    public String typeName(String key, Locale locale) {
        ActivityTypeName n = typeNames.get(key);
        return n == null ? key : n.nameFor(locale);
    }
}
