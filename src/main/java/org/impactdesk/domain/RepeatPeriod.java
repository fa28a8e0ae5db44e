package org.impactdesk.domain;

import java.time.LocalDate;

/**
 * How often a repeatable achievement can be earned again. The window holding a local date has a
 * key ({@code user_achievements.period_key}): {@code 2025}, {@code 2025-H1}, {@code 2025-Q3},
 * {@code 2025-07}. A one-time award has the key {@link #ONCE}.
 */
public enum RepeatPeriod {
    YEARLY("yearly"),
    HALF_YEARLY("half_yearly"),
    QUARTERLY("quarterly"),
    MONTHLY("monthly");

    /** The period key of a one-time (non-repeatable) award. */
    public static final String ONCE = "once";

    private final String code;

    RepeatPeriod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The key of the window holding {@code localDate} (a date in the organisation's zone). */
    public String key(LocalDate localDate) {
        int y = localDate.getYear();
        int m = localDate.getMonthValue();
        return switch (this) {
            case YEARLY -> Integer.toString(y);
            case HALF_YEARLY -> y + "-H" + (m <= 6 ? 1 : 2);
            case QUARTERLY -> y + "-Q" + ((m - 1) / 3 + 1);
            case MONTHLY -> String.format("%d-%02d", y, m);
        };
    }

    public static RepeatPeriod fromCode(String code) {
        for (RepeatPeriod p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown repeat period: " + code);
    }
}
