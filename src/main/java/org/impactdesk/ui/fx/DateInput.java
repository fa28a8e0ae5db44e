package org.impactdesk.ui.fx;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as typed into a field, in the chosen locale's short numeric form with a four-digit year
 * (CLDR's short pattern, its year widened: {@code dd.MM.yyyy} in Norwegian Bokmål, {@code M/d/yyyy}
 * in English). Parsing takes that form with one- or two-digit day and month, a two- or four-digit
 * year (two digits are 2000-2099, as the importer reads them) and ISO {@code 2026-09-14} in any
 * language; it refuses what is not a calendar date (31.02.2026) and trailing rubbish.
 */
public final class DateInput {
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private final String pattern;
    private final DateTimeFormatter formatter;
    /** The order of the fields in the locale's pattern: 'd', 'M', 'y'. */
    private final List<Character> order = new ArrayList<>();
    private final Pattern typed;

    public DateInput(Locale locale) {
        String shortPattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        this.pattern = shortPattern.replaceAll("y+", "yyyy");
        this.formatter = DateTimeFormatter.ofPattern(pattern, locale);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); ) {
            char c = pattern.charAt(i);
            int end = i;
            while (end < pattern.length() && pattern.charAt(end) == c) {
                end++;
            }
            switch (c) {
                case 'd', 'M' -> {
                    order.add(c);
                    regex.append("(\\d{1,2})");
                }
                case 'y' -> {
                    order.add(c);
                    regex.append("(\\d{4}|\\d{2})");
                }
                default -> regex.append(Pattern.quote(pattern.substring(i, end)));
            }
            i = end;
        }
        if (!order.containsAll(List.of('d', 'M', 'y')) || order.size() != 3) {
            throw new IllegalArgumentException("not a numeric day-month-year pattern for " + locale + ": " + shortPattern);
        }
        this.typed = Pattern.compile(regex.toString());
    }

    /** The pattern dates are shown in, e.g. {@code dd.MM.yyyy}. */
    public String pattern() {
        return pattern;
    }

    public String format(LocalDate date) {
        return date == null ? "" : formatter.format(date);
    }

    /** The date {@code text} holds in this locale's form (or ISO); empty when it holds none. */
    public Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher iso = ISO.matcher(t);
        if (iso.matches()) {
            return date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        Matcher m = typed.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        int day = 0;
        int month = 0;
        int year = 0;
        for (int i = 0; i < 3; i++) {
            String g = m.group(i + 1);
            switch (order.get(i)) {
                case 'd' -> day = Integer.parseInt(g);
                case 'M' -> month = Integer.parseInt(g);
                default -> year = g.length() == 2 ? 2000 + Integer.parseInt(g) : Integer.parseInt(g);
            }
        }
        return date(year, month, day);
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
