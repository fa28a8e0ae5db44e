package org.impactdesk.domain;

/** Groups badges for display and filtering (seed 001 {@code category}), in display order. */
public enum Category {
    GETTING_STARTED("getting_started"),
    ACTIVITIES("activities"),
    HOURS("hours"),
    CONTACTS("contacts"),
    STREAKS("streaks"),
    EVENTS("events"),
    ANNUAL("annual"),
    SPECIAL("special");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Category fromCode(String code) {
        for (Category c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown category: " + code);
    }
}
