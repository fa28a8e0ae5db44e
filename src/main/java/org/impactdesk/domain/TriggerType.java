package org.impactdesk.domain;

/** The event class that can unlock an achievement (seed 001, METRICS.md "Achievements"). */
public enum TriggerType {
    ACTIVITY_COUNT("activity_count", true),
    HOURS_TOTAL("hours_total", true),
    CONTACTS_COUNT("contacts_count", true),
    STREAK_DAYS("streak_days", true),
    EVENTS_ATTENDED("events_attended", true),
    ANNUAL_SUMMARY("annual_summary", false),
    MANUAL("manual", false);

    private final String code;
    private final boolean count;

    TriggerType(String code, boolean count) {
        this.code = code;
        this.count = count;
    }

    /** The value stored in {@code achievements.trigger_type}. */
    public String code() {
        return code;
    }

    /** Count triggers need a {@code trigger_threshold}. */
    public boolean isCount() {
        return count;
    }

    /** Triggers that count activities, so {@code trigger_metadata.activity_type} narrows them. */
    public boolean countsActivities() {
        return this == ACTIVITY_COUNT || this == HOURS_TOTAL || this == CONTACTS_COUNT || this == STREAK_DAYS;
    }

    public static TriggerType fromCode(String code) {
        for (TriggerType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown trigger type: " + code);
    }
}
