package org.impactdesk.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * The rule values a funder report used (FUNDER_REPORT.md, Rules): the category of each activity
 * type that has one (a key absent from {@code categories} has no category) and the four thresholds.
 */
public record FunderRules(Map<String, FunderCategory> categories, int groupMinParticipants, int groupMinMinutes,
                          int courseMinPeople, int courseMinMinutes) {

    public static final int DEFAULT_GROUP_MIN_PARTICIPANTS = 3;
    public static final int DEFAULT_GROUP_MIN_MINUTES = 45;
    public static final int DEFAULT_COURSE_MIN_PEOPLE = 5;
    public static final int DEFAULT_COURSE_MIN_MINUTES = 90;

    public FunderRules {
        categories = java.util.Collections.unmodifiableMap(new TreeMap<>(categories));
        if (groupMinParticipants < 1 || groupMinMinutes < 1 || courseMinPeople < 1 || courseMinMinutes < 1) {
            throw new IllegalArgumentException("funder rule values must be at least 1");
        }
    }

    /** The default thresholds with the given categories. */
    public static FunderRules withDefaults(Map<String, FunderCategory> categories) {
        return new FunderRules(categories, DEFAULT_GROUP_MIN_PARTICIPANTS, DEFAULT_GROUP_MIN_MINUTES,
                DEFAULT_COURSE_MIN_PEOPLE, DEFAULT_COURSE_MIN_MINUTES);
    }

    public FunderCategory categoryOf(String activityType) {
        return categories.get(activityType);
    }
}
