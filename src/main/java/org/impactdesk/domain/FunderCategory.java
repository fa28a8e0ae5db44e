package org.impactdesk.domain;

import java.util.Optional;

/** How the funder report counts an activity type (FUNDER_REPORT.md, Categories). */
public enum FunderCategory {
    INDIVIDUAL("individual"),
    GROUP("group"),
    COURSE("course"),
    CONTACT_SERVICE("contact_service"),
    NOT_COUNTED("not_counted");

    private final String code;

    FunderCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The category of a code as written in activity_types.csv, settings and JSON; empty for anything else. */
    public static Optional<FunderCategory> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (FunderCategory c : values()) {
            if (c.code.equals(code.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The codes, comma-separated, for messages that list what is allowed. */
    public static String codes() {
        StringBuilder sb = new StringBuilder();
        for (FunderCategory c : values()) {
            sb.append(sb.isEmpty() ? "" : ", ").append(c.code);
        }
        return sb.toString();
    }
}
