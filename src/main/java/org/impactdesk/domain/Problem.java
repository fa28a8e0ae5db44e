package org.impactdesk.domain;

import java.util.List;

/**
 * One validation finding on one field of an achievement. {@code code} names the rule; the
 * screen shows it localised as {@code achievements.problem.<code>} with {@code args}.
 */
public record Problem(Field field, Severity severity, String code, List<String> args) {

    public enum Severity { ERROR, WARNING }

    /** The edited fields, plus {@code OWNER} for who may change the badge at all. */
    public enum Field {
        OWNER, KEY, NAME, NAME_NB, DESCRIPTION, ICON_URL, CATEGORY, TRIGGER_TYPE, THRESHOLD, METADATA, POINTS, REPEAT_PERIOD,
        REQUIRES_MODULE, SORT_ORDER
    }

    public Problem {
        args = List.copyOf(args);
    }

    public static Problem error(Field field, String code, String... args) {
        return new Problem(field, Severity.ERROR, code, List.of(args));
    }

    public static Problem warning(Field field, String code, String... args) {
        return new Problem(field, Severity.WARNING, code, List.of(args));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** A plain English form, for logs, the command line and exception messages. */
    @Override
    public String toString() {
        return severity.name().toLowerCase() + " " + field.name().toLowerCase() + ": " + code
                + (args.isEmpty() ? "" : " " + args);
    }
}
