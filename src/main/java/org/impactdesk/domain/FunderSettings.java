package org.impactdesk.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * An organisation's funder settings as stored: its own category of each activity type it chose
 * one for (first in precedence) and the four rule values, NULL meaning the default.
 */
public record FunderSettings(String organizationId, Map<String, FunderCategory> choices, Integer groupMinParticipants,
                             Integer groupMinMinutes, Integer courseMinPeople, Integer courseMinMinutes) {

    public FunderSettings {
        choices = java.util.Collections.unmodifiableMap(new TreeMap<>(choices));
    }

    /** The rules with these values (defaults where NULL) and the given resolved categories. */
    public FunderRules rules(Map<String, FunderCategory> categories) {
        return new FunderRules(categories,
                groupMinParticipants != null ? groupMinParticipants : FunderRules.DEFAULT_GROUP_MIN_PARTICIPANTS,
                groupMinMinutes != null ? groupMinMinutes : FunderRules.DEFAULT_GROUP_MIN_MINUTES,
                courseMinPeople != null ? courseMinPeople : FunderRules.DEFAULT_COURSE_MIN_PEOPLE,
                courseMinMinutes != null ? courseMinMinutes : FunderRules.DEFAULT_COURSE_MIN_MINUTES);
    }
}
