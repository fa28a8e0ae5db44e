package org.impactdesk.ui.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Numbers and dates in the chosen locale ({@code 1 234,5} in Norwegian Bokmål, CLDR's
 * no-break space as grouping). Parsing accepts the no-break space, the narrow no-break space
 * and a plain space as grouping alike, and refuses trailing rubbish.
 */
public final class Formats {
    private final Locale locale;
    private final DecimalFormatSymbols symbols;
    /**
     * The number formats made once per thread and reused: a NumberFormat is not thread-safe, and
     * making one parses its pattern (a Team period change formatted some 400 cells, each with a
     * new format: about half of the cells' FX time). Keyed by kind; none is changed after it is made.
     */
    private final ThreadLocal<java.util.Map<Integer, NumberFormat>> made = ThreadLocal.withInitial(java.util.HashMap::new);
    private static final int INTEGER = -1;
    private static final int PERCENT = -2;
    private static final int PERCENT_PLUS = -3;

    public Formats(Locale locale) {
        this.locale = locale;
        this.symbols = DecimalFormatSymbols.getInstance(locale);
    }

    public Locale locale() {
        return locale;
    }

    public String integer(long n) {
        return format(INTEGER).format(n);
    }

    /** This thread's format of a kind: {@link #INTEGER}, {@link #PERCENT}, {@link #PERCENT_PLUS}, or decimals (min * 16 + max). */
    private NumberFormat format(int kind) {
        return made.get().computeIfAbsent(kind, k -> switch (k) {
            case INTEGER -> NumberFormat.getIntegerInstance(locale);
            case PERCENT -> percentFormat(false);
            case PERCENT_PLUS -> percentFormat(true);
            default -> decimalFormat(k / 16, k % 16);
        });
    }

    // ---- one format per quantity, for every screen (issue 13): the stored figures keep their
    // scale (METRICS.md: 2 decimals); a person reads hours, percentages and km with at most one
    // decimal, rounded half-up as the spec rounds, and counts grouped ("1 234" in nb, "1,234" in en)

    /** A count (sessions, people, rows): whole, grouped by the locale. */
    public String count(long n) {
        return integer(n);
    }

    /** A change of a count: "+5", "−3" (the locale's minus sign), "0". */
    public String countDelta(long n) {
        return signed(BigDecimal.valueOf(n), 0);
    }

    /** Hours: at most one decimal ("2 544,6", "20"). */
    public String hours(BigDecimal h) {
        return oneDecimal(h);
    }

    /** A change in hours: "+1,5", "−0,3", "0". */
    public String hoursDelta(BigDecimal h) {
        return signed(h, 1);
    }

    /** A percentage given in percent (12.34 = 12.34 %): at most one decimal, the locale's percent form ("12,3 %", "12.3%"). */
    public String percent(BigDecimal p) {
        return format(PERCENT).format(p);
    }

    /** A change in percent: "+12,3 %", "−2,6 %", "0 %". */
    public String percentDelta(BigDecimal p) {
        return format(p.signum() > 0 ? PERCENT_PLUS : PERCENT).format(p);
    }

    /** Kilometres: at most one decimal. */
    public String km(BigDecimal km) {
        return oneDecimal(km);
    }

    /**
     * A value axis's tick label: whole numbers for a count (a tick between two whole numbers
     * gets no label: a count of 0.25 does not exist), hours with at most one decimal.
     */
    public String tick(Number value, boolean count) {
        if (value == null) {
            return "";
        }
        BigDecimal v = new BigDecimal(value.toString());
        if (count) {
            return v.stripTrailingZeros().scale() > 0 ? "" : integer(v.longValue());
        }
        return oneDecimal(v);
    }

    private String oneDecimal(BigDecimal v) {
        return decimal(v, 0, 1);
    }

    private DecimalFormat percentFormat(boolean plus) {
        DecimalFormat f = (DecimalFormat) NumberFormat.getPercentInstance(locale);
        f.setMultiplier(1);
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(1);
        f.setRoundingMode(RoundingMode.HALF_UP);
        if (plus) {
            f.setPositivePrefix("+" + f.getPositivePrefix());
        }
        return f;
    }

    /** With between {@code minFraction} and {@code maxFraction} decimals. */
    public String decimal(BigDecimal n, int minFraction, int maxFraction) {
        if (minFraction < 0 || maxFraction < minFraction || maxFraction > 15) {
            throw new IllegalArgumentException("decimals between 0 and 15, not " + minFraction + ".." + maxFraction);
        }
        return format(minFraction * 16 + maxFraction).format(n);
    }

    private NumberFormat decimalFormat(int minFraction, int maxFraction) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(minFraction);
        f.setMaximumFractionDigits(maxFraction);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f;
    }

    /** Signed: "+500" or "−12,5" (the locale's minus sign). */
    public String signed(BigDecimal n, int maxFraction) {
        String s = decimal(n.abs(), 0, maxFraction);
        return n.signum() > 0 ? "+" + s : n.signum() < 0 ? symbols.getMinusSign() + s : s;
    }

    public String date(LocalDate d) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(d);
    }

    public String dateTime(Instant t, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(t.atZone(zone));
    }

    /** Parses a decimal typed in this locale; empty when the text is not one number. */
    public Optional<BigDecimal> parseDecimal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        char grouping = symbols.getGroupingSeparator();
        String t = text.strip();
        if (Character.isSpaceChar(grouping) || grouping == '\u00A0' || grouping == '\u202F') {
            t = t.replace(' ', grouping).replace('\u00A0', grouping).replace('\u202F', grouping);
        } else {
            // a locale grouping with commas or dots still takes digits grouped by spaces
            t = t.replaceAll("(?<=\\d)[ \u00A0\u202F](?=\\d{3})", "");
        }
        // the locale's minus sign (U+2212 in nb) and a typed hyphen alike
        if (t.startsWith("-") || t.startsWith("\u2212")) {
            t = symbols.getMinusSign() + t.substring(1);
        }
        if (t.isEmpty()) {
            return Optional.empty();
        }
        DecimalFormat f = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        f.setParseBigDecimal(true);
        ParsePosition pos = new ParsePosition(0);
        Number n = f.parse(t, pos);
        if (n == null || pos.getIndex() != t.length()) {
            return Optional.empty();
        }
        return Optional.of((BigDecimal) n);
    }

    /** Parses a whole number typed in this locale (grouping allowed); empty otherwise. */
    public Optional<Integer> parseInteger(String text) {
        return parseDecimal(text).filter(d -> d.stripTrailingZeros().scale() <= 0)
                .filter(d -> d.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0)
                .map(BigDecimal::intValueExact);
    }
}
