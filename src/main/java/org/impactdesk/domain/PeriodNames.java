package org.impactdesk.domain;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as people read them, in a bundle's language: "Q1 2026" / "1. kvartal 2026", "H1 2026" /
 * "1. halvår 2026" ({@code period.quarter}, {@code period.half}), a year as its number, a month as
 * "July 2025" / "juli 2025". The codes ({@code 2026-Q1}, {@code 2026-H1}, {@code 2025-07}) stay what
 * the database, the JSON and the command line carry; every screen and every export meant for
 * people says the words.
 */
public final class PeriodNames {
    private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-(?:Q([1-4])|H([12])|(0[1-9]|1[0-2])))?");

    private PeriodNames() {
    }

    /** The period in words. */
    public static String shown(Period period, ResourceBundle bundle) {
        return switch (period) {
            case Period.Quarter q -> BundleText.format(bundle, "period.quarter", q.quarter(), Integer.toString(q.year()));
            case Period.Half h -> BundleText.format(bundle, "period.half", h.half(), Integer.toString(h.year()));
            case Period.Year y -> Integer.toString(y.year());
        };
    }

    /**
     * A stored period code in words: {@code 2026}, {@code 2026-H1}, {@code 2026-Q1} and the award
     * windows' months ({@code 2025-07}); anything else (e.g. {@code once}, or null) as it is.
     */
    public static String shown(String code, ResourceBundle bundle) {
        if (code == null) {
            return null;
        }
        Matcher m = CODE.matcher(code.strip());
        if (!m.matches()) {
            return code;
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return shown(new Period.Quarter(year, Integer.parseInt(m.group(2))), bundle);
        }
        if (m.group(3) != null) {
            return shown(new Period.Half(year, Integer.parseInt(m.group(3))), bundle);
        }
        if (m.group(4) != null) {
            Locale locale = BundleText.locale(bundle);
            return Month.of(Integer.parseInt(m.group(4))).getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + year;
        }
        return Integer.toString(year);
    }
}
