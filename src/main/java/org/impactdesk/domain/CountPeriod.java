package org.impactdesk.domain;

/** What {@code trigger_metadata.period} counts over: all time (default) or one calendar year. */
public enum CountPeriod {
    LIFETIME("lifetime"),
    CALENDAR_YEAR("calendar_year");

    private final String code;

    CountPeriod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static CountPeriod fromCode(String code) {
        for (CountPeriod p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown period: " + code);
    }
}
